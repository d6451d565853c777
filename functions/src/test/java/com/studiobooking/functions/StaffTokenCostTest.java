package com.studiobooking.functions;

import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the staff token check costs in DynamoDB requests (figures in docs/benchmarks.md): every request
 * with a staff token makes one strongly consistent GetItem of the staff item more; its writes make as
 * many requests as before, each a TransactWriteItems carrying one ConditionCheck on that item. Client,
 * guest and public requests pay nothing.
 */
class StaffTokenCostTest {
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private Api api;
    private String studioId;
    private String owner;
    private String ownerId;

    @BeforeEach
    void setUp() {
        DynamoDbClient counting = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("serviceName") || method.getName().equals("close")) {
                        return method.invoke(TestTables.motoClient(), args);
                    }
                    Object request = args[0] instanceof Consumer<?> builder ? build(method.getName(), builder) : args[0];
                    requests.add(describe(method.getName(), request));
                    try {
                        return DynamoDbClient.class.getMethod(method.getName(), requestType(method.getName()))
                                .invoke(TestTables.motoClient(), request);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        api = new Api(TestTables.Engine.MOTO, raw -> new DynamoItemTable(counting, ((DynamoItemTable) raw).name()));
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        ownerId = api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId).token(owner).send()
                .json().get("staff").get(0).get("staffId").asText();
    }

    @Test
    void a_staff_read_costs_one_getitem_of_the_staff_item_more() {
        List<String> listStaff = measure(() -> api.call("admin/get-studios-studioId-staff.json").path("studioId", studioId)
                .token(owner).send());
        List<String> settings = measure(() -> api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId)
                .token(owner).send());

        assertThat(listStaff).containsExactly("GetItem STAFF#" + ownerId, "Query");
        assertThat(settings).containsExactly("GetItem STAFF#" + ownerId, "GetItem PROFILE");
    }

    @Test
    void a_staff_write_costs_the_same_getitem_and_a_condition_check_in_each_write() {
        List<String> addLocation = measure(() -> api.call("admin/post-studios-studioId-locations.json")
                .path("studioId", studioId).token(owner).body(Map.of("name", "Room", "address", "Str. Florilor 1")).send());
        String clientId = api.call("admin/post-studios-studioId-clients.json").path("studioId", studioId).token(owner)
                .body(Map.of("email", "maria@example.com")).send().json().get("clientId").asText();
        List<String> grant = measure(() -> api.call("admin/post-studios-studioId-clients-clientId-credits.json")
                .path("studioId", studioId).path("clientId", clientId).token(owner).body(Map.of("credits", 10)).send());

        // before the check: GetItem PROFILE, PutItem (2 requests)
        assertThat(addLocation).containsExactly("GetItem STAFF#" + ownerId, "GetItem PROFILE",
                "TransactWriteItems 2 items, 1 ConditionCheck");
        // before: GetItem CLIENT, TransactWriteItems 2 items, Query (3 requests)
        assertThat(grant).hasSize(4).startsWith("GetItem STAFF#" + ownerId)
                .contains("TransactWriteItems 3 items, 1 ConditionCheck");
    }

    @Test
    void marking_attendance_reads_the_booking_and_its_session_and_writes_both_lines_in_one_transaction() {
        String roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Room", "address", "Str. Florilor 1")).send().json().get("locationId").asText();
        String sessionId = api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Vinyasa", "start", "2026-11-23T13:00:00+02:00", "durationMinutes", 60, "capacity", 10,
                        "instructorId", ownerId, "format", "IN_PERSON", "locationId", roomId)).send().json()
                .get("sessionId").asText();
        String bookingId = api.call("booking/post-studios-studioId-bookings.json").path("studioId", studioId)
                .body(Map.of("sessionId", sessionId, "paymentMethod", "FREE",
                        "client", Map.of("name", "Maria", "email", "maria@example.com"))).send().json().get("bookingId").asText();
        api.clock.advance(java.time.Duration.ofHours(3));

        List<String> mark = measure(() -> api.call("link-release/post-studios-studioId-bookings-bookingId-attendance.json")
                .path("studioId", studioId).path("bookingId", bookingId).token(owner).body(Map.of("status", "NO_SHOW")).send());

        // the settings (no-show policy), the booking, its session (not cancelled?), then the booking and its
        // participant line on the booking's version; the last read is the session for the response's online access
        assertThat(mark).containsExactly("GetItem STAFF#" + ownerId, "GetItem PROFILE", "GetItem BOOKING", "GetItem SESSION",
                "TransactWriteItems 3 items, 1 ConditionCheck", "GetItem SESSION");
    }

    @Test
    void a_client_request_reads_no_staff_record() {
        String client = api.signIn(studioId, "maria@example.com");

        assertThat(measure(() -> api.call("booking/get-me-wallet.json").token(client).send()))
                .noneMatch(r -> r.contains("STAFF#")).noneMatch(r -> r.contains("ConditionCheck"));
    }

    private List<String> measure(Runnable request) {
        requests.clear();
        request.run();
        List<String> made = List.copyOf(requests);
        System.out.println("DynamoDB requests: " + made);
        return made;
    }

    /** The request class of a client method: {@code getItem} takes a {@code GetItemRequest}. */
    private static Class<?> requestType(String method) throws ClassNotFoundException {
        return Class.forName(GetItemRequest.class.getPackageName() + "." + Character.toUpperCase(method.charAt(0))
                + method.substring(1) + "Request");
    }

    /** The request a {@code client.getItem(b -> …)} call stands for. */
    private static Object build(String method, Consumer<?> builder) throws Exception {
        java.lang.reflect.Method create = requestType(method).getMethod("builder");
        Class<?> type = create.getReturnType();
        Object b = create.invoke(null);
        type.getMethod("applyMutation", Consumer.class).invoke(b, builder);
        return type.getMethod("build").invoke(b);
    }

    private static String describe(String method, Object request) {
        String operation = Character.toUpperCase(method.charAt(0)) + method.substring(1);
        if (request instanceof GetItemRequest get) return operation + " " + get.key().get("SK").s();
        if (request instanceof TransactWriteItemsRequest transaction) {
            List<TransactWriteItem> items = transaction.transactItems();
            long checks = items.stream().filter(i -> i.conditionCheck() != null).count();
            return operation + " " + items.size() + " items, " + checks + " ConditionCheck";
        }
        return operation;
    }
}
