package com.studiobooking.infrastructure.table;

import com.studiobooking.infrastructure.dynamo.StudioTable;
import com.studiobooking.infrastructure.testing.MotoServer;
import com.studiobooking.infrastructure.testing.TestTables;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Before the tests trust moto as their DynamoDB, this suite checks it against DynamoDB's documented
 * behaviour, through the real AWS SDK and with exactly the expression forms {@link DynamoExpressions}
 * renders ({@code #nN} / {@code :vN} placeholders; the first test pins those forms). Where moto
 * differs from DynamoDB the test is named after the difference, asserts what moto does and says in a
 * comment what DynamoDB does; the code must never depend on either side of such a difference.
 *
 * <p>Differences found (moto 5.2.5): a comparison between two missing attributes ({@code =} true,
 * {@code <>} false); an order comparison between a number and a string (HTTP 500); keys over their
 * size limit accepted by GetItem, Query, DeleteItem and a transaction's ConditionCheck; a number
 * accepted as a string-typed index key; TransactGetItems capped at 25 items instead of 100; TTL never
 * deletes anything; an UpdateItem refused for a bad ADD keeps its SET part; and, without the lock of
 * the shared server, parallel requests are not isolated.
 */
class MotoFidelityTest {
    private static final AtomicInteger PROBES = new AtomicInteger();
    private static final Map<String, AttributeValue> SAMPLE = Map.of(
            "n", n("10"), "m", n("9"),
            "s", s("b"), "t", s("b"),
            "replacement", s("\uFFFD"), "emoji", s("\uD83D\uDE00"));

    private final DynamoDbClient db = TestTables.motoClient();
    private String table;

    @BeforeEach
    void freshTable() {
        table = TestTables.freshMotoTable();
    }

    // ---------------------------------------------------------------- the forms our code sends

    @Test
    void the_expression_forms_checked_here_are_the_ones_dynamo_expressions_renders() {
        DynamoExpressions e = new DynamoExpressions();
        assertThat(e.condition(Condition.is("n", Condition.Op.GT, 9))).isEqualTo("#n0 > :v0");
        e = new DynamoExpressions();
        assertThat(e.condition(Condition.compare("n", Condition.Op.LT, "m"))).isEqualTo("#n0 < #n1");
        assertThat(e.values()).isNull();
        e = new DynamoExpressions();
        assertThat(e.condition(Condition.exists("PK").and(Condition.anyOf(Condition.missing("a"), Condition.ne("a", "x")))))
                .isEqualTo("(attribute_exists(#n0) AND (attribute_not_exists(#n1) OR #n1 <> :v0))");
        e = new DynamoExpressions();
        assertThat(e.update(Update.create().add("n", 1))).isEqualTo("ADD #n0 :v0");
        assertThat(e.condition(Condition.anyOf(Condition.missing("n"), Condition.is("n", Condition.Op.LT, 150))))
                .isEqualTo("(attribute_not_exists(#n0) OR #n0 < :v1)");
        e = new DynamoExpressions();
        assertThat(e.update(Update.create().set("a", "x").add("n", 2).remove("r")))
                .isEqualTo("SET #n0 = :v0 ADD #n1 :v1 REMOVE #n2");
        e = new DynamoExpressions();
        assertThat(e.condition(Condition.missing("PK"))).isEqualTo("attribute_not_exists(#n0)");
        assertThat(e.condition(Condition.always())).isNull();
        e = new DynamoExpressions();
        assertThat(e.keyCondition("PK", "SK", KeyQuery.prefix("p", "A#"))).isEqualTo("#n0 = :v0 AND begins_with(#n1, :v1)");
        e = new DynamoExpressions();
        assertThat(e.keyCondition("GSI1PK", "GSI1SK", KeyQuery.between("p", "a", "b").onIndex("GSI1")))
                .isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
    }

    // ---------------------------------------------------------------- 1. conditional writes

    @Test
    void a_conditional_put_applies_when_its_condition_holds_and_writes_nothing_when_refused() {
        Map<String, String> pk = names("#n0", "PK");
        db.putItem(b -> b.tableName(table).item(item("p", "1", "v", s("first")))
                .conditionExpression("attribute_not_exists(#n0)").expressionAttributeNames(pk));

        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(item("p", "1", "v", s("second")))
                .conditionExpression("attribute_not_exists(#n0)").expressionAttributeNames(pk)))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(read("p", "1")).isEqualTo(item("p", "1", "v", s("first")));

        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(item("p", "2", "v", s("x")))
                .conditionExpression("attribute_exists(#n0)").expressionAttributeNames(pk)))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(read("p", "2")).isNull();

        db.putItem(b -> b.tableName(table).item(item("p", "1", "v", s("third")))
                .conditionExpression("attribute_exists(#n0)").expressionAttributeNames(pk));
        assertThat(read("p", "1")).isEqualTo(item("p", "1", "v", s("third")));
    }

    @Test
    void a_conditional_update_applies_when_its_condition_holds_and_writes_nothing_when_refused() {
        put(item("p", "1", "status", s("OPEN"), "n", n("1")));

        assertThatThrownBy(() -> db.updateItem(b -> b.tableName(table).key(key("p", "1"))
                .updateExpression("SET #n0 = :v0 ADD #n1 :v1")
                .conditionExpression("#n0 = :v2")
                .expressionAttributeNames(names("#n0", "status", "#n1", "n"))
                .expressionAttributeValues(values(":v0", s("CLOSED"), ":v1", n("1"), ":v2", s("CLOSED")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(read("p", "1")).isEqualTo(item("p", "1", "status", s("OPEN"), "n", n("1")));

        assertThatThrownBy(() -> db.updateItem(b -> b.tableName(table).key(key("p", "2"))
                .updateExpression("SET #n0 = :v0").conditionExpression("attribute_exists(#n1)")
                .expressionAttributeNames(names("#n0", "status", "#n1", "PK"))
                .expressionAttributeValues(values(":v0", s("CLOSED")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(read("p", "2")).as("a refused update creates nothing").isNull();

        db.updateItem(b -> b.tableName(table).key(key("p", "1"))
                .updateExpression("SET #n0 = :v0 ADD #n1 :v1")
                .conditionExpression("#n0 = :v2")
                .expressionAttributeNames(names("#n0", "status", "#n1", "n"))
                .expressionAttributeValues(values(":v0", s("CLOSED"), ":v1", n("1"), ":v2", s("OPEN"))));
        assertThat(read("p", "1")).isEqualTo(item("p", "1", "status", s("CLOSED"), "n", n("2")));
    }

    @Test
    void a_conditional_delete_applies_when_its_condition_holds_and_deletes_nothing_when_refused() {
        put(item("p", "1", "status", s("OPEN")));

        assertThatThrownBy(() -> db.deleteItem(b -> b.tableName(table).key(key("p", "1"))
                .conditionExpression("#n0 <> :v0").expressionAttributeNames(names("#n0", "status"))
                .expressionAttributeValues(values(":v0", s("OPEN")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(read("p", "1")).isNotNull();

        db.deleteItem(b -> b.tableName(table).key(key("p", "1"))
                .conditionExpression("#n0 = :v0").expressionAttributeNames(names("#n0", "status"))
                .expressionAttributeValues(values(":v0", s("OPEN"))));
        assertThat(read("p", "1")).isNull();

        // no condition: deleting a missing item succeeds and changes nothing
        assertThatCode(() -> db.deleteItem(b -> b.tableName(table).key(key("p", "1")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> db.deleteItem(b -> b.tableName(table).key(key("p", "1"))
                .conditionExpression("attribute_exists(#n0)").expressionAttributeNames(names("#n0", "PK"))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    // ---------------------------------------------------------------- 2. every condition form

    @Test
    void numbers_compare_as_numbers_with_every_operator() {
        assertThat(compare("n", "=", n("10"))).isTrue();
        assertThat(compare("n", "=", n("10.0"))).as("10 = 10.0: numbers, not strings").isTrue();
        assertThat(compare("n", "=", n("9"))).isFalse();
        assertThat(compare("n", "<>", n("9"))).isTrue();
        assertThat(compare("n", "<>", n("10"))).isFalse();
        assertThat(compare("n", ">", n("9"))).as("10 > 9, although \"10\" < \"9\" as strings").isTrue();
        assertThat(compare("n", "<", n("9"))).isFalse();
        assertThat(compare("n", "<", n("11"))).isTrue();
        assertThat(compare("n", "<=", n("10"))).isTrue();
        assertThat(compare("n", "<=", n("9"))).isFalse();
        assertThat(compare("n", ">=", n("10"))).isTrue();
        assertThat(compare("n", ">=", n("11"))).isFalse();
        assertThat(compare("n", ">", n("-100"))).isTrue();
    }

    @Test
    void strings_compare_by_their_utf8_bytes_with_every_operator() {
        assertThat(compare("s", "=", s("b"))).isTrue();
        assertThat(compare("s", "=", s("B"))).isFalse();
        assertThat(compare("s", "<>", s("B"))).isTrue();
        assertThat(compare("s", "<", s("c"))).isTrue();
        assertThat(compare("s", ">", s("B"))).as("'b' (0x62) > 'B' (0x42)").isTrue();
        assertThat(compare("s", "<=", s("b"))).isTrue();
        assertThat(compare("s", ">=", s("ba"))).isFalse();
        // U+FFFD is EF BF BD in UTF-8, U+1F600 is F0 9F 98 80: byte order puts the emoji last, while Java's
        // String.compareTo (UTF-16 code units, D83D < FFFD) puts it first
        assertThat("\uFFFD".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(compare("replacement", "<", s("\uD83D\uDE00"))).isTrue();
        assertThat(compareAttributes("replacement", "<", "emoji")).isTrue();
        assertThat(compareAttributes("emoji", ">=", "replacement")).isTrue();
    }

    @Test
    void an_attribute_compares_with_another_attribute_of_the_same_item() {
        assertThat(compareAttributes("m", "<", "n")).as("9 < 10").isTrue();
        assertThat(compareAttributes("m", "<=", "n")).isTrue();
        assertThat(compareAttributes("m", ">", "n")).isFalse();
        assertThat(compareAttributes("n", ">=", "m")).isTrue();
        assertThat(compareAttributes("s", "=", "t")).isTrue();
        assertThat(compareAttributes("s", "<>", "t")).isFalse();
        assertThat(compareAttributes("n", "=", "m")).isFalse();
        assertThat(compareAttributes("n", "<>", "m")).isTrue();
    }

    @Test
    void exists_not_exists_and_or_with_parentheses_combine_as_documented() {
        assertThat(holds(SAMPLE, "attribute_exists(#n0)", names("#n0", "n"), null)).isTrue();
        assertThat(holds(SAMPLE, "attribute_exists(#n0)", names("#n0", "nope"), null)).isFalse();
        assertThat(holds(SAMPLE, "attribute_not_exists(#n0)", names("#n0", "nope"), null)).isTrue();
        assertThat(holds(SAMPLE, "attribute_not_exists(#n0)", names("#n0", "n"), null)).isFalse();
        assertThat(holds(null, "attribute_not_exists(#n0)", names("#n0", "PK"), null)).as("no item").isTrue();
        assertThat(holds(null, "attribute_exists(#n0)", names("#n0", "PK"), null)).as("no item").isFalse();

        String existsAndAny = "(attribute_exists(#n0) AND (attribute_not_exists(#n1) OR #n1 < :v0))";
        assertThat(holds(SAMPLE, existsAndAny, names("#n0", "PK", "#n1", "nope"), values(":v0", n("5")))).isTrue();
        assertThat(holds(SAMPLE, existsAndAny, names("#n0", "PK", "#n1", "n"), values(":v0", n("11")))).isTrue();
        assertThat(holds(SAMPLE, existsAndAny, names("#n0", "PK", "#n1", "n"), values(":v0", n("10")))).isFalse();
        assertThat(holds(null, existsAndAny, names("#n0", "PK", "#n1", "n"), values(":v0", n("11")))).isFalse();

        String all = "(#n0 = :v0 AND #n1 < #n2 AND attribute_exists(#n3))";
        assertThat(holds(SAMPLE, all, names("#n0", "s", "#n1", "m", "#n2", "n", "#n3", "t"), values(":v0", s("b")))).isTrue();
        assertThat(holds(SAMPLE, all, names("#n0", "s", "#n1", "n", "#n2", "m", "#n3", "t"), values(":v0", s("b")))).isFalse();

        String any = "(#n0 = :v0 OR #n1 > :v1)";
        assertThat(holds(SAMPLE, any, names("#n0", "s", "#n1", "n"), values(":v0", s("x"), ":v1", n("9")))).isTrue();
        assertThat(holds(SAMPLE, any, names("#n0", "s", "#n1", "n"), values(":v0", s("x"), ":v1", n("10")))).isFalse();
    }

    /**
     * DynamoDB documents a comparison with a missing attribute as false. moto agrees for =, <, <=, > and
     * >=; for {@code <>} moto says TRUE (on a missing attribute and on a missing item), which
     * {@link Values#compare} mirrors. Code must not depend on it. markReminderSent guards its {@code <>}
     * with attribute_exists / attribute_not_exists; the one unguarded use is the cancelling put of
     * DynamoBookingStore.replaceIfStatus(booking, NE, "CANCELLED"), which on a MISSING booking holds here
     * (and would write the booking back), so it relies on the booking still existing.
     */
    @Test
    void a_comparison_with_a_missing_attribute_is_false_and_moto_makes_not_equal_true() {
        for (String op : List.of("=", "<", "<=", ">", ">=")) {
            assertThat(compare("nope", op, n("10"))).as("nope " + op + " 10").isFalse();
            assertThat(compare("nope", op, s("b"))).as("nope " + op + " 'b'").isFalse();
            assertThat(compareAttributes("nope", op, "n")).as("nope " + op + " n").isFalse();
            assertThat(compareAttributes("n", op, "nope")).as("n " + op + " nope").isFalse();
            assertThat(holds(null, "#n0 " + op + " :v0", names("#n0", "n"), values(":v0", n("10"))))
                    .as("no item: n " + op + " 10").isFalse();
        }
        // recorded moto behaviour, see above
        assertThat(compare("nope", "<>", n("10"))).isTrue();
        assertThat(compareAttributes("nope", "<>", "n")).isTrue();
        assertThat(holds(null, "#n0 <> :v0", names("#n0", "n"), values(":v0", n("10")))).isTrue();
    }

    /**
     * moto compares two MISSING attributes as Python's {@code None == None}: {@code a = b} holds and
     * {@code a <> b} does not. DynamoDB documents any comparison with a missing attribute as false, and
     * the SQLite engine ({@link Values#compare}) says = false, <> true. Our code never compares two
     * attributes that can both be missing (takeSeat compares a seat counter with its capacity, both
     * written when the session is created).
     */
    @Test
    void moto_makes_two_missing_attributes_equal() {
        assertThat(compareAttributes("nope", "=", "gone")).isTrue();
        assertThat(compareAttributes("nope", "<>", "gone")).isFalse();
        assertThat(compareAttributes("nope", "<", "gone")).isFalse();
        assertThat(compareAttributes("nope", ">=", "gone")).isFalse();
    }

    /**
     * Values of different types are never equal (moto and DynamoDB agree), but an ORDER comparison of a
     * number with a string makes moto fail with HTTP 500 (a Python TypeError), where DynamoDB evaluates
     * the condition as false and the SQLite engine returns false. Our conditions compare numbers with
     * numbers and strings with strings only.
     */
    @Test
    void moto_fails_with_http_500_when_a_number_is_ordered_against_a_string() {
        assertThat(compare("n", "=", s("10"))).isFalse();
        assertThat(compare("n", "<>", s("10"))).isTrue();
        assertThat(compare("s", "=", n("1"))).isFalse();

        put(item("p", "mixed", "n", n("10")));
        try (DynamoDbClient once = client(MotoServer.shared().endpoint(), false)) {
            assertThatThrownBy(() -> once.deleteItem(b -> b.tableName(table).key(key("p", "mixed"))
                    .conditionExpression("#n0 < :v0").expressionAttributeNames(names("#n0", "n"))
                    .expressionAttributeValues(values(":v0", s("5")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }
        assertThat(read("p", "mixed")).isNotNull();
    }

    // ---------------------------------------------------------------- 3. upsert, ADD, ALL_OLD

    @Test
    void update_on_a_missing_item_creates_it_and_add_starts_a_missing_number_at_zero() {
        db.updateItem(b -> b.tableName(table).key(key("p", "new"))
                .updateExpression("SET #n0 = :v0 ADD #n1 :v1")
                .expressionAttributeNames(names("#n0", "status", "#n1", "n"))
                .expressionAttributeValues(values(":v0", s("OPEN"), ":v1", n("5"))));
        assertThat(read("p", "new")).isEqualTo(item("p", "new", "status", s("OPEN"), "n", n("5")));

        db.updateItem(b -> b.tableName(table).key(key("p", "new"))
                .updateExpression("ADD #n0 :v0 REMOVE #n1")
                .expressionAttributeNames(names("#n0", "n", "#n1", "status"))
                .expressionAttributeValues(values(":v0", n("-7"))));
        assertThat(read("p", "new")).isEqualTo(item("p", "new", "n", n("-2")));

        // the form DynamoLoginCodeStore sends: ADD on a missing item, guarded by attribute_not_exists OR <
        db.updateItem(b -> b.tableName(table).key(key("p", "counter"))
                .updateExpression("ADD #n0 :v0").conditionExpression("(attribute_not_exists(#n0) OR #n0 < :v1)")
                .expressionAttributeNames(names("#n0", "requests"))
                .expressionAttributeValues(values(":v0", n("1"), ":v1", n("3"))));
        assertThat(read("p", "counter")).isEqualTo(item("p", "counter", "requests", n("1")));

        // ADD on a string is refused and changes nothing
        put(item("p", "text", "n", s("ten")));
        assertValidationError(() -> db.updateItem(b -> b.tableName(table).key(key("p", "text"))
                .updateExpression("ADD #n0 :v0").expressionAttributeNames(names("#n0", "n"))
                .expressionAttributeValues(values(":v0", n("1")))));
        assertThat(read("p", "text")).isEqualTo(item("p", "text", "n", s("ten")));
    }

    /**
     * DynamoDB applies an UpdateItem whole or not at all. moto applies its clauses one by one: when ADD
     * meets a string ("An operand in the update expression has an incorrect data type") the SET before it
     * has already been written. In a TransactWriteItems moto rolls it back. Our code only ADDs to numbers.
     */
    @Test
    void moto_keeps_the_set_part_of_an_update_whose_add_is_refused_which_dynamodb_never_does() {
        put(item("p", "text", "n", s("ten")));
        assertValidationError(() -> db.updateItem(b -> b.tableName(table).key(key("p", "text"))
                .updateExpression("SET #n0 = :v0 ADD #n1 :v1").expressionAttributeNames(names("#n0", "x", "#n1", "n"))
                .expressionAttributeValues(values(":v0", s("y"), ":v1", n("1")))));
        assertThat(read("p", "text")).isEqualTo(item("p", "text", "n", s("ten"), "x", s("y")));

        assertValidationError(() -> db.transactWriteItems(b -> b.transactItems(
                update("p", "text", "SET #n0 = :v0 ADD #n1 :v1", null, names("#n0", "z", "#n1", "n"),
                        values(":v0", s("y"), ":v1", n("1"))))));
        assertThat(read("p", "text")).doesNotContainKey("z");
    }

    @Test
    void all_old_returns_the_item_as_it_was_before_and_nothing_for_a_new_item() {
        var created = db.updateItem(b -> b.tableName(table).key(key("p", "1"))
                .updateExpression("SET #n0 = :v0").expressionAttributeNames(names("#n0", "v"))
                .expressionAttributeValues(values(":v0", s("one"))).returnValues(ReturnValue.ALL_OLD));
        assertThat(created.attributes()).isEmpty();

        var changed = db.updateItem(b -> b.tableName(table).key(key("p", "1"))
                .updateExpression("SET #n0 = :v0 ADD #n1 :v1").conditionExpression("attribute_exists(#n2)")
                .expressionAttributeNames(names("#n0", "v", "#n1", "n", "#n2", "PK"))
                .expressionAttributeValues(values(":v0", s("two"), ":v1", n("1"))).returnValues(ReturnValue.ALL_OLD));
        assertThat(changed.attributes()).isEqualTo(item("p", "1", "v", s("one")));
        assertThat(read("p", "1")).isEqualTo(item("p", "1", "v", s("two"), "n", n("1")));
    }

    // ---------------------------------------------------------------- 4. transactions

    @Test
    void a_transaction_whose_conditions_all_hold_applies_every_write() {
        put(item("t", "b", "status", s("OPEN")));
        put(item("t", "c"));
        put(item("t", "d"));

        db.transactWriteItems(b -> b.transactItems(
                putNew(item("t", "a", "v", s("new"))),
                update("t", "b", "SET #n0 = :v0", "#n0 = :v1", names("#n0", "status"),
                        values(":v0", s("CLOSED"), ":v1", s("OPEN"))),
                delete("t", "c", "attribute_exists(#n0)"),
                check("t", "d", "attribute_exists(#n0)")));

        assertThat(read("t", "a")).isEqualTo(item("t", "a", "v", s("new")));
        assertThat(read("t", "b")).isEqualTo(item("t", "b", "status", s("CLOSED")));
        assertThat(read("t", "c")).isNull();
        assertThat(read("t", "d")).isEqualTo(item("t", "d"));
    }

    @Test
    void a_transaction_with_failing_conditions_applies_no_write_and_names_them_in_request_order() {
        put(item("t", "b", "status", s("OPEN")));
        put(item("t", "c"));

        List<TransactWriteItem> writes = List.of(
                putNew(item("t", "a", "v", s("new"))),
                update("t", "b", "SET #n0 = :v0", "#n0 = :v1", names("#n0", "status"),
                        values(":v0", s("CLOSED"), ":v1", s("CANCELLED"))),
                delete("t", "c", "attribute_exists(#n0)"),
                check("t", "d", "attribute_exists(#n0)"),
                update("t", "e", "ADD #n0 :v0", null, names("#n0", "n"), values(":v0", n("1"))));
        assertThatThrownBy(() -> db.transactWriteItems(b -> b.transactItems(writes)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(
                        e.cancellationReasons().stream().map(CancellationReason::code).toList())
                        .containsExactly("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed", "None"));

        assertThat(read("t", "a")).as("the put before the failing update is rolled back").isNull();
        assertThat(read("t", "b")).isEqualTo(item("t", "b", "status", s("OPEN")));
        assertThat(read("t", "c")).isNotNull();
        assertThat(read("t", "e")).isNull();
    }

    @Test
    void two_operations_on_one_item_in_a_transaction_are_a_validation_error_and_write_nothing() {
        assertValidationError(() -> db.transactWriteItems(b -> b.transactItems(
                putNew(item("t", "other")),
                putNew(item("t", "a", "v", s("1"))),
                update("t", "a", "SET #n0 = :v0", null, names("#n0", "v"), values(":v0", s("2"))))));
        assertThat(read("t", "a")).isNull();
        assertThat(read("t", "other")).isNull();

        assertValidationError(() -> db.transactWriteItems(b -> b.transactItems(
                check("t", "a", "attribute_not_exists(#n0)"),
                delete("t", "a", null))));
    }

    @Test
    void a_transaction_holds_up_to_100_writes_and_101_are_a_validation_error() {
        db.transactWriteItems(b -> b.transactItems(IntStream.range(0, 100)
                .mapToObj(i -> putNew(item("many", String.format("%03d", i)))).toList()));
        assertThat(queryAll(QueryRequest.builder().tableName(table).keyConditionExpression("#n0 = :v0")
                .expressionAttributeNames(names("#n0", "PK")).expressionAttributeValues(values(":v0", s("many")))
                .consistentRead(true).build(), null)).hasSize(100);

        assertValidationError(() -> db.transactWriteItems(b -> b.transactItems(IntStream.range(0, 101)
                .mapToObj(i -> putNew(item("more", String.format("%03d", i)))).toList())));
        assertThat(read("more", "000")).isNull();
    }

    /**
     * DynamoDB allows 100 items in TransactGetItems (since 2022); moto still refuses more than 25. Our
     * code does not use TransactGetItems (only TransactWriteItems, where moto allows 100).
     */
    @Test
    void moto_refuses_transact_get_items_over_25_although_dynamodb_allows_100() {
        List<TransactGetItem> gets = IntStream.range(0, 26)
                .mapToObj(i -> TransactGetItem.builder().get(g -> g.tableName(table).key(key("g", "" + i))).build()).toList();
        assertValidationError(() -> db.transactGetItems(b -> b.transactItems(gets)));
        assertThatCode(() -> db.transactGetItems(b -> b.transactItems(gets.subList(0, 25)))).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- 5. queries, the index, pages

    @Test
    void key_conditions_select_by_begins_with_and_inclusive_between_in_sort_key_byte_order() {
        for (String sk : List.of("B#2", "A#10", "A#2", "A#1", "a#1", "\uD83D\uDE00", "\uFFFD", "Z")) put(item("q", sk));
        put(item("other", "A#1"));

        assertThat(sortKeys(query("PK", "SK", "#n0 = :v0", values(":v0", s("q")), null)))
                .containsExactly("A#1", "A#10", "A#2", "B#2", "Z", "a#1", "\uFFFD", "\uD83D\uDE00");
        assertThat(sortKeys(query("PK", "SK", "#n0 = :v0 AND begins_with(#n1, :v1)",
                values(":v0", s("q"), ":v1", s("A#")), null))).containsExactly("A#1", "A#10", "A#2");
        assertThat(sortKeys(query("PK", "SK", "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
                values(":v0", s("q"), ":v1", s("A#10"), ":v2", s("B#2")), null))).containsExactly("A#10", "A#2", "B#2");
    }

    @Test
    void the_index_holds_only_items_with_both_index_keys_in_index_sort_key_order() {
        put(item("i", "1", "GSI1PK", s("list"), "GSI1SK", s("2026-03")));
        put(item("i", "2", "GSI1PK", s("list"), "GSI1SK", s("2026-01")));
        put(item("j", "3", "GSI1PK", s("list"), "GSI1SK", s("2026-02")));
        put(item("i", "4", "GSI1PK", s("list")));
        put(item("i", "5", "GSI1SK", s("2026-01")));
        put(item("i", "6"));
        put(item("i", "7", "GSI1PK", s("elsewhere"), "GSI1SK", s("2026-01")));

        List<Map<String, AttributeValue>> listed = query("GSI1PK", "GSI1SK", "#n0 = :v0", values(":v0", s("list")), "GSI1");
        assertThat(listed).extracting(i -> i.get("SK").s()).containsExactly("2", "3", "1");
        assertThat(listed.get(0)).as("GSI1 projects every attribute")
                .isEqualTo(item("i", "2", "GSI1PK", s("list"), "GSI1SK", s("2026-01")));
        assertThat(query("GSI1PK", "GSI1SK", "#n0 = :v0 AND begins_with(#n1, :v1)",
                values(":v0", s("list"), ":v1", s("2026-0")), "GSI1")).extracting(i -> i.get("SK").s())
                .containsExactly("2", "3", "1");
        assertThat(query("GSI1PK", "GSI1SK", "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
                values(":v0", s("list"), ":v1", s("2026-02"), ":v2", s("2026-03")), "GSI1"))
                .extracting(i -> i.get("SK").s()).containsExactly("3", "1");

        // removing an index key takes the item out of the index; setting it puts it back
        db.updateItem(b -> b.tableName(table).key(key("i", "1")).updateExpression("REMOVE #n0")
                .expressionAttributeNames(names("#n0", "GSI1SK")));
        db.updateItem(b -> b.tableName(table).key(key("i", "4")).updateExpression("SET #n0 = :v0")
                .expressionAttributeNames(names("#n0", "GSI1SK")).expressionAttributeValues(values(":v0", s("2026-00"))));
        assertThat(query("GSI1PK", "GSI1SK", "#n0 = :v0", values(":v0", s("list")), "GSI1"))
                .extracting(i -> i.get("SK").s()).containsExactly("4", "2", "3");

        assertValidationError(() -> db.query(b -> b.tableName(table).indexName("GSI1").consistentRead(true)
                .keyConditionExpression("#n0 = :v0").expressionAttributeNames(names("#n0", "GSI1PK"))
                .expressionAttributeValues(values(":v0", s("list")))));
    }

    @Test
    void pages_of_limit_n_walk_every_item_exactly_once_in_sort_key_order_on_the_table_and_the_index() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String sk = String.format("S#%02d", i);
            expected.add(sk);
            // index sort keys repeat (three items per value): pages must still not lose or repeat one
            put(item("pages", sk, "GSI1PK", s("pages"), "GSI1SK", s("day-" + (i / 3))));
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<Map<String, AttributeValue>> onTable = queryAll(request("PK", "#n0 = :v0", values(":v0", s("pages")), null)
                .limit(3).build(), pageSizes);
        assertThat(sortKeys(onTable)).containsExactlyElementsOf(expected);
        assertThat(pageSizes.subList(0, 4)).containsExactly(3, 3, 3, 2);

        List<Integer> indexPageSizes = new ArrayList<>();
        List<Map<String, AttributeValue>> index = queryAll(request("GSI1PK", "#n0 = :v0", values(":v0", s("pages")), "GSI1")
                .limit(4).build(), indexPageSizes);
        assertThat(sortKeys(index)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(index).extracting(i -> i.get("GSI1SK").s()).isSorted();
        assertThat(indexPageSizes.subList(0, 3)).containsExactly(4, 4, 3);
    }

    @Test
    void a_query_over_one_megabyte_is_paged_and_the_pages_walk_every_item_exactly_once(TestReporter reporter) {
        String payload = "x".repeat(100_000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String sk = String.format("BIG#%02d", i);
            expected.add(sk);
            put(item("big", sk, "data", s(payload), "GSI1PK", s("big"), "GSI1SK", s(sk)));
        }
        for (String index : new String[] {null, "GSI1"}) {
            List<Integer> pageSizes = new ArrayList<>();
            List<Map<String, AttributeValue>> items = queryAll(request(index == null ? "PK" : "GSI1PK", "#n0 = :v0",
                    values(":v0", s("big")), index).build(), pageSizes);
            assertThat(sortKeys(items)).containsExactlyElementsOf(expected);
            assertThat(pageSizes).as("DynamoDB stops a page at 1 MB").hasSizeGreaterThanOrEqualTo(3);
            assertThat(pageSizes).allSatisfy(size -> assertThat(size * 100_000).isLessThanOrEqualTo(1024 * 1024));
            record(reporter, "items per 1 MB page" + (index == null ? "" : " of " + index), pageSizes);
        }
    }

    // ---------------------------------------------------------------- 6. time to live

    /**
     * DynamoDB deletes an expired item within a few days of its ttl, and until then reads still return
     * it; moto never deletes it. The stores therefore check expiry themselves and never rely on either.
     */
    @Test
    void time_to_live_is_enabled_on_ttl_and_an_expired_item_stays_readable() {
        assertThat(db.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        var updated = db.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
        assertThat(updated.timeToLiveSpecification().attributeName()).isEqualTo("ttl");
        assertThat(updated.timeToLiveSpecification().enabled()).isTrue();
        DescribeTimeToLiveResponse described = db.describeTimeToLive(b -> b.tableName(table));
        assertThat(described.timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(described.timeToLiveDescription().attributeName()).isEqualTo("ttl");

        long longAgo = Instant.now().minusSeconds(30L * 24 * 3600).getEpochSecond();
        put(item("ttl", "expired", "ttl", n(Long.toString(longAgo))));
        assertThat(read("ttl", "expired")).isNotNull();
        assertThat(query("PK", "SK", "#n0 = :v0", values(":v0", s("ttl")), null)).hasSize(1);
    }

    // ---------------------------------------------------------------- 7. key limits

    @Test
    void keys_over_2048_and_1024_bytes_are_refused_on_put_update_and_transactions_and_the_limits_themselves_pass() {
        String pkAtLimit = "\u00e9".repeat(1024);          // 1024 characters, 2048 UTF-8 bytes
        String pkOver = "\u00e9".repeat(1024) + "x";       // 2049 bytes
        String skAtLimit = "\u00e9".repeat(512);           // 1024 bytes
        String skOver = "\u00e9".repeat(512) + "x";        // 1025 bytes
        assertThat(pkOver.getBytes(StandardCharsets.UTF_8)).hasSize(2049);

        assertThatCode(() -> put(item(pkAtLimit, skAtLimit))).doesNotThrowAnyException();
        assertThat(read(pkAtLimit, skAtLimit)).isNotNull();

        assertValidationError(() -> put(item(pkOver, "1")));
        assertValidationError(() -> put(item("p", skOver)));
        assertValidationError(() -> db.updateItem(b -> b.tableName(table).key(key(pkOver, "1"))
                .updateExpression("SET #n0 = :v0").expressionAttributeNames(names("#n0", "v"))
                .expressionAttributeValues(values(":v0", s("x")))));
        assertValidationError(() -> db.updateItem(b -> b.tableName(table).key(key("p", skOver))
                .updateExpression("ADD #n0 :v0").expressionAttributeNames(names("#n0", "n"))
                .expressionAttributeValues(values(":v0", n("1")))));
        assertValidationError(() -> db.transactWriteItems(b -> b.transactItems(putNew(item("p", "ok")), putNew(item("p", skOver)))));
        assertThat(read("p", "ok")).isNull();

        // the index keys have the same limits
        assertValidationError(() -> put(item("p", "g1", "GSI1PK", s(pkOver), "GSI1SK", s("x"))));
        assertValidationError(() -> put(item("p", "g2", "GSI1PK", s("x"), "GSI1SK", s(skOver))));
        assertThatCode(() -> put(item("p", "g3", "GSI1PK", s(pkAtLimit), "GSI1SK", s(skAtLimit)))).doesNotThrowAnyException();
        // an empty key or index key is refused too
        assertValidationError(() -> put(item("", "1")));
        assertValidationError(() -> put(item("p", "g4", "GSI1PK", s(""), "GSI1SK", s("x"))));
    }

    /**
     * DynamoDB refuses a key over its limit in EVERY request that names one (GetItem, Query, DeleteItem,
     * a transaction's ConditionCheck: ValidationException "Size of hashkey has exceeded the maximum size
     * limit of 2048 bytes" / "Aggregated size of all range keys has exceeded the size limit of 1024
     * bytes"). moto checks key sizes only when it stores an item: these requests succeed and find
     * nothing. The SQLite engine refuses them as DynamoDB does.
     */
    @Test
    void moto_accepts_keys_over_the_limit_in_get_query_delete_and_check_which_dynamodb_refuses() {
        String pkOver = "p".repeat(2049);
        String skOver = "s".repeat(1025);
        assertThat(read(pkOver, "1")).isNull();
        assertThat(read("p", skOver)).isNull();
        assertThat(query("PK", "SK", "#n0 = :v0", values(":v0", s(pkOver)), null)).isEmpty();
        assertThat(query("GSI1PK", "GSI1SK", "#n0 = :v0", values(":v0", s(pkOver)), "GSI1")).isEmpty();
        assertThatCode(() -> db.deleteItem(b -> b.tableName(table).key(key(pkOver, "1")))).doesNotThrowAnyException();
        assertThatCode(() -> db.deleteItem(b -> b.tableName(table).key(key("p", skOver)))).doesNotThrowAnyException();
        assertThatCode(() -> db.transactWriteItems(b -> b.transactItems(check("p", skOver, "attribute_not_exists(#n0)"))))
                .doesNotThrowAnyException();
    }

    /**
     * GSI1's keys are declared as strings; DynamoDB refuses an item whose GSI1PK is a number ("Type
     * mismatch for Index Key"). moto stores it. The SQLite engine refuses it; our keys are always strings.
     */
    @Test
    void moto_accepts_a_number_as_a_string_typed_index_key_which_dynamodb_refuses() {
        assertThatCode(() -> put(item("p", "typed", "GSI1PK", n("1"), "GSI1SK", s("x")))).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- 8. concurrency

    @Test
    void two_hundred_parallel_conditional_increments_end_exact(TestReporter reporter) throws Exception {
        Increments outcome = increments(db, table, 200, 150);
        record(reporter, "locked moto: increments", outcome);
        assertThat(outcome.applied()).isEqualTo(150);
        assertThat(outcome.refused()).isEqualTo(50);
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.value()).isEqualTo(150);
    }

    @Test
    void two_hundred_parallel_slot_claims_have_exactly_one_winner_and_one_second_item(TestReporter reporter) throws Exception {
        Claims outcome = claims(db, table, 200);
        record(reporter, "locked moto: slot claims", outcome);
        assertThat(outcome.winners()).hasSize(1);
        int winner = outcome.winners().get(0);
        assertThat(outcome.refusedAsDocumented()).isEqualTo(199);
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.slotOwner()).isEqualTo(Integer.toString(winner));
        assertThat(outcome.secondItems()).containsExactly("claim#" + winner);
    }

    /**
     * Plain moto_server applies requests in parallel: a conditional write reads, checks and writes
     * without a lock, and a transaction snapshots the whole table and restores the snapshot when it
     * fails (overwriting whatever another request wrote meanwhile). Nothing is guaranteed, so this test
     * asserts only that every attempt got an answer and records the counts; the shared server, which
     * applies requests one at a time, is exact (the two tests above).
     */
    @Test
    void an_unlocked_moto_server_gives_no_isolation_guarantee_which_is_why_the_shared_one_serialises(
            TestReporter reporter) throws Exception {
        MotoServer unlocked = MotoServer.start(true);
        try (DynamoDbClient client = client(unlocked.endpoint(), false)) {
            String name = "unlocked-" + System.nanoTime();
            client.createTable(StudioTable.createRequest(name));

            Increments increments = increments(client, name, 200, 150);
            record(reporter, "UNLOCKED moto: increments (applied, refused, failed, final; exact is 150, 50, 0, 150)",
                    increments);
            assertThat(increments.applied() + increments.refused() + increments.failed()).isEqualTo(200);
            // certain even without isolation: only a request that applied (or failed after applying) adds 1;
            // runs observed both exact results and lost updates (e.g. 152 applied, final value 150)
            assertThat(increments.value()).isLessThanOrEqualTo(increments.applied() + increments.failed());

            Claims claims = claims(client, name, 200);
            record(reporter, "UNLOCKED moto: slot claims (exact is 1 winner, 199 refused, the winner's slot and one second item)",
                    claims);
            assertThat(claims.winners().size() + claims.refusedAsDocumented() + claims.failed()).isEqualTo(200);
            // runs observed refused transactions whose second item stayed written (up to 3 extra items): a
            // failing transaction restores its snapshot of the table, not only its own writes
        } finally {
            unlocked.stop();
        }
    }

    /** Outcome of the increments: how many were applied, refused by their condition, failed otherwise (by kind); the final value. */
    record Increments(int applied, int refused, Map<String, Long> failures, long value) {
        int failed() {
            return (int) failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Outcome of the slot claims: winners, refusals with reasons [ConditionalCheckFailed, None], other failures, the state. */
    record Claims(List<Integer> winners, int refusedAsDocumented, Map<String, Long> failures, String slotOwner,
                  List<String> secondItems) {
        int failed() {
            return (int) failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Increments increments(DynamoDbClient client, String table, int attempts, int cap) throws Exception {
        List<String> outcomes = Parallel.run(attempts, i -> {
            try {
                client.updateItem(b -> b.tableName(table).key(key("counter", "C"))
                        .updateExpression("ADD #n0 :v0").conditionExpression("(attribute_not_exists(#n0) OR #n0 < :v1)")
                        .expressionAttributeNames(names("#n0", "n"))
                        .expressionAttributeValues(values(":v0", n("1"), ":v1", n(Integer.toString(cap)))));
                return "applied";
            } catch (ConditionalCheckFailedException e) {
                return "refused";
            } catch (DynamoDbException e) {
                return "failed " + e.getClass().getSimpleName() + " " + e.statusCode();
            } catch (RuntimeException e) {
                return "failed " + e.getClass().getSimpleName();
            }
        });
        var item = client.getItem(b -> b.tableName(table).key(key("counter", "C")).consistentRead(true)).item();
        return new Increments(count(outcomes, "applied"), count(outcomes, "refused"), failures(outcomes),
                item.containsKey("n") ? Long.parseLong(item.get("n").n()) : -1);
    }

    private static Claims claims(DynamoDbClient client, String table, int attempts) throws Exception {
        List<String> outcomes = Parallel.run(attempts, i -> {
            try {
                client.transactWriteItems(b -> b.transactItems(
                        put(table, item("slot", "SLOT", "owner", s(Integer.toString(i))), "attribute_not_exists(#n0)"),
                        put(table, item("claims", "claim#" + i, "owner", s(Integer.toString(i))), "attribute_not_exists(#n0)")));
                return "won";
            } catch (TransactionCanceledException e) {
                List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
                return codes.equals(List.of("ConditionalCheckFailed", "None")) ? "refused" : "failed " + codes;
            } catch (DynamoDbException e) {
                return "failed " + e.getClass().getSimpleName() + " " + e.statusCode();
            } catch (RuntimeException e) {
                return "failed " + e.getClass().getSimpleName();
            }
        });
        List<Integer> winners = IntStream.range(0, attempts).filter(i -> outcomes.get(i).equals("won")).boxed().toList();
        var slot = client.getItem(b -> b.tableName(table).key(key("slot", "SLOT")).consistentRead(true)).item();
        List<String> second = new ArrayList<>();
        for (Map<String, AttributeValue> claim : queryAll(client, QueryRequest.builder().tableName(table)
                .keyConditionExpression("#n0 = :v0").expressionAttributeNames(names("#n0", "PK"))
                .expressionAttributeValues(values(":v0", s("claims"))).consistentRead(true).build(), null)) {
            second.add(claim.get("SK").s());
        }
        return new Claims(winners, count(outcomes, "refused"), failures(outcomes),
                slot.isEmpty() ? null : slot.get("owner").s(), second);
    }

    private static Map<String, Long> failures(List<String> outcomes) {
        return outcomes.stream().filter(o -> o.startsWith("failed"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static int count(List<String> outcomes, String outcome) {
        return (int) outcomes.stream().filter(outcome::equals).count();
    }

    // ---------------------------------------------------------------- helpers

    /** Whether {@code attribute op :v0} holds for {@link #SAMPLE}. */
    private boolean compare(String attribute, String op, AttributeValue value) {
        return holds(SAMPLE, "#n0 " + op + " :v0", names("#n0", attribute), values(":v0", value));
    }

    /** Whether {@code attribute op other} holds for {@link #SAMPLE}. */
    private boolean compareAttributes(String attribute, String op, String other) {
        return holds(SAMPLE, "#n0 " + op + " #n1", names("#n0", attribute, "#n1", other), null);
    }

    /**
     * Whether moto holds {@code condition} true for {@code attributes} (null: no item), asked with a
     * conditional DeleteItem as DynamoItemTable sends it; a refused delete must leave the item in place.
     */
    private boolean holds(Map<String, AttributeValue> attributes, String condition, Map<String, String> names,
                          Map<String, AttributeValue> values) {
        String sk = "probe-" + PROBES.incrementAndGet();
        if (attributes != null) {
            Map<String, AttributeValue> stored = new HashMap<>(attributes);
            stored.putAll(key("probe", sk));
            put(stored);
        }
        boolean applied;
        try {
            db.deleteItem(b -> b.tableName(table).key(key("probe", sk)).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            applied = true;
        } catch (ConditionalCheckFailedException e) {
            applied = false;
        }
        if (attributes != null) {
            assertThat(read("probe", sk) == null).as("deleted exactly when the condition held").isEqualTo(applied);
        }
        return applied;
    }

    private void put(Map<String, AttributeValue> item) {
        db.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> read(String pk, String sk) {
        var response = db.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private QueryRequest.Builder request(String partitionKey, String keyCondition, Map<String, AttributeValue> values,
                                         String index) {
        Map<String, String> names = new HashMap<>(names("#n0", partitionKey));
        if (keyCondition.contains("#n1")) names.put("#n1", index == null ? "SK" : "GSI1SK");
        return QueryRequest.builder().tableName(table).indexName(index).consistentRead(index == null ? Boolean.TRUE : null)
                .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values);
    }

    private List<Map<String, AttributeValue>> query(String partitionKey, String sortKey, String keyCondition,
                                                    Map<String, AttributeValue> values, String index) {
        assertThat(sortKey).isEqualTo(index == null ? "SK" : "GSI1SK");
        return queryAll(request(partitionKey, keyCondition, values, index).build(), null);
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest first, List<Integer> pageSizes) {
        return queryAll(db, first, pageSizes);
    }

    /** Every page, following LastEvaluatedKey; asserts no item comes twice. */
    private static List<Map<String, AttributeValue>> queryAll(DynamoDbClient client, QueryRequest first,
                                                              List<Integer> pageSizes) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(first.toBuilder().exclusiveStartKey(start).build());
            if (pageSizes != null) pageSizes.add(page.count());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(items).extracting(i -> i.get("PK").s() + "\u0000" + i.get("SK").s()).doesNotHaveDuplicates();
        return items;
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("SK").s()).toList();
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return put(table, item, "attribute_not_exists(#n0)");
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names("#n0", "PK"))).build();
    }

    private TransactWriteItem update(String pk, String sk, String update, String condition, Map<String, String> names,
                                     Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk, sk)).updateExpression(update)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    private TransactWriteItem delete(String pk, String sk, String condition) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, sk)).conditionExpression(condition)
                .expressionAttributeNames(condition == null ? null : names("#n0", "PK"))).build();
    }

    private TransactWriteItem check(String pk, String sk, String condition) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(pk, sk))
                .conditionExpression(condition).expressionAttributeNames(names("#n0", "PK"))).build();
    }

    private static void assertValidationError(ThrowingCallable request) {
        assertThatThrownBy(request).isInstanceOfSatisfying(DynamoDbException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    private static void record(TestReporter reporter, String what, Object observed) {
        System.out.println("[moto fidelity] " + what + ": " + observed);
        reporter.publishEntry(what, String.valueOf(observed));
    }

    /** A client like TestTables.motoClient() for any server, optionally without the SDK's retries. */
    private static DynamoDbClient client(URI endpoint, boolean retries) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> {
                    if (!retries) o.retryStrategy(AwsRetryStrategy.doNotRetry());
                })
                .build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", s(pk), "SK", s(sk));
    }

    /** The item with key {@code pk, sk} and the attributes given as name, value pairs. */
    static Map<String, AttributeValue> item(String pk, String sk, Object... attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(pk, sk));
        for (int i = 0; i < attributes.length; i += 2) item.put((String) attributes[i], (AttributeValue) attributes[i + 1]);
        return item;
    }

    static Map<String, String> names(String... placeholderThenName) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < placeholderThenName.length; i += 2) names.put(placeholderThenName[i], placeholderThenName[i + 1]);
        return names;
    }

    static Map<String, AttributeValue> values(Object... placeholderThenValue) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < placeholderThenValue.length; i += 2) {
            values.put((String) placeholderThenValue[i], (AttributeValue) placeholderThenValue[i + 1]);
        }
        return values;
    }
}
