package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.port.ClientDirectory.ClientRecord;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against both table engines: DynamoDB (moto) and SQLite. */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class DynamoClientDirectoryTest {
    @Parameter
    TestTables.Engine engine;

    private DynamoClientDirectory clients;

    @BeforeEach
    void setUp() {
        clients = new DynamoClientDirectory(engine.fresh());
    }

    @Test
    void a_client_keeps_the_details_of_their_latest_booking_and_counts_every_booking() {
        String maria = clients.clientIdFor("st_1", "maria@example.com");
        clients.booked("st_1", maria, new Client("Maria P.", "maria@example.com", "+40 722 000 111"));
        clients.booked("st_1", maria, new Client("Maria Popescu", "maria@example.com", null));

        assertThat(clients.find("st_1", maria)).contains(
                new ClientRecord(maria, "maria@example.com", "Maria Popescu", null, 2));
    }

    @Test
    void the_list_holds_every_client_sorted_by_name_or_email_and_only_of_its_studio() {
        String radu = clients.clientIdFor("st_1", "radu@example.com");
        String elena = clients.clientIdFor("st_1", "elena@example.com");
        String ana = clients.clientIdFor("st_1", "zz-ana@example.com");
        clients.clientIdFor("st_2", "other@example.com");
        clients.booked("st_1", radu, new Client("Radu", "radu@example.com", "0733 123 456"));
        clients.booked("st_1", ana, new Client("Ana", "zz-ana@example.com", null));

        assertThat(clients.list("st_1")).containsExactly(
                new ClientRecord(ana, "zz-ana@example.com", "Ana", null, 1),
                ClientRecord.registered(elena, "elena@example.com"),
                new ClientRecord(radu, "radu@example.com", "Radu", "0733 123 456", 1));
    }

    @Test
    void a_booking_of_an_unknown_client_registers_nobody() {
        clients.booked("st_1", "cl_unknown", new Client("Ghost", "ghost@example.com", null));

        assertThat(clients.list("st_1")).isEmpty();
        assertThat(clients.find("st_1", "cl_unknown")).isEmpty();
    }

    @Test
    void parallel_bookings_of_one_client_are_all_counted() throws Exception {
        String maria = clients.clientIdFor("st_1", "maria@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                done.add(pool.submit(() -> clients.booked("st_1", maria, new Client("Maria", "maria@example.com", null))));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }

        assertThat(clients.find("st_1", maria).orElseThrow().bookings()).isEqualTo(30);
    }
}
