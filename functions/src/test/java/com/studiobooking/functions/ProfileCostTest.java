package com.studiobooking.functions;

import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public profile the widget reads on every page view is one Query of the studio's configuration
 * partition, with what the studio sells in it: pass types and credit packs live in the same partition,
 * so offering them costs no extra request (only their bytes in the same read).
 */
class ProfileCostTest {
    private CountingTable counting;

    @Test
    void the_public_profile_with_passes_and_credit_packs_on_sale_is_one_query() {
        Api api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKeys(table));
        String studioId = api.openStudio("ana@example.com");
        String owner = api.signIn(studioId, "ana@example.com");
        assertThat(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of("CARD", "PASS", "CREDITS"))).send().status()).isEqualTo(200);
        assertThat(api.call("admin/post-studios-studioId-pass-types.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "10 classes", "entries", 10, "validDays", 90, "price", Map.of("amount", 40000, "currency", "RON")))
                .send().status()).isEqualTo(201);
        assertThat(api.call("admin/post-studios-studioId-credit-packs.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "5 credits", "credits", 5, "price", Map.of("amount", 20000, "currency", "RON")))
                .send().status()).isEqualTo(201);

        List<String> profile = counting.measure(() -> {
            Api.Reply reply = api.call("catalogue/get-studios-studioId.json").path("studioId", studioId).send();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("passTypes")).hasSize(1);
            assertThat(reply.json().get("creditPacks")).hasSize(1);
        });

        assertThat(profile).containsExactly("Query");
    }
}
