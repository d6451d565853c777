package com.studiobooking.infrastructure.table;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.infrastructure.table.Condition.Op;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.studiobooking.infrastructure.testing.TestTables.Engine.MOTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules the stores rely on, through {@link ItemTable}, on every engine: DynamoDB's API (moto,
 * through {@link DynamoItemTable}, the production adapter), {@link SqliteItemTable} and
 * {@link MemoryItemTable} (SnapStart's rehearsal). Where moto and SQLite differ the test is named after
 * the difference, says in a comment which one DynamoDB agrees with, and asserts each engine's
 * behaviour (the memory engine keeps SQLite's, DynamoDB's documented one); {@link MotoFidelityTest} checks moto itself against
 * DynamoDB's documentation.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class ItemTableContractTest {
    private static final AtomicInteger PROBES = new AtomicInteger();
    private static final Map<String, AttributeValue> SAMPLE = Map.of(
            "n", n(10), "m", n(9), "s", s("b"), "t", s("b"),
            "replacement", s("\uFFFD"), "emoji", s("\uD83D\uDE00"));

    @Parameter
    TestTables.Engine engine;

    private ItemTable table;

    @BeforeEach
    void freshTable() {
        table = engine.fresh();
    }

    @AfterEach
    void close() throws Exception {
        if (table instanceof AutoCloseable closeable) closeable.close();
    }

    // ---------------------------------------------------------------- get, put, delete

    @Test
    void an_item_put_is_read_back_whole_and_a_deleted_one_is_gone() {
        Map<String, AttributeValue> item = item("p", "1",
                "s", s("Ana \u0103\u0219"), "n", n(-42), "big", AttributeValue.fromN("12345678901234567890.25"),
                "yes", AttributeValue.fromBool(true), "nothing", AttributeValue.fromNul(true),
                "bytes", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")),
                "list", AttributeValue.fromL(List.of(s("a"), n(1))),
                "map", AttributeValue.fromM(Map.of("k", s("v"), "inner", AttributeValue.fromM(Map.of("x", n(2))))));
        assertThat(table.write(Write.put(item))).isTrue();
        assertThat(table.write(Write.put(item("p", "2", "tags", AttributeValue.fromSs(List.of("x", "y")))))).isTrue();

        assertThat(table.get("p", "1")).contains(item);
        assertThat(table.get("p", "2").orElseThrow().get("tags").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(table.get("p", "3")).isEmpty();
        assertThat(table.get("q", "1")).isEmpty();

        assertThat(table.write(Write.put(item("p", "1", "s", s("replaced"))))).isTrue();
        assertThat(table.get("p", "1")).as("a put replaces the whole item").contains(item("p", "1", "s", s("replaced")));

        assertThat(table.write(Write.delete("p", "1"))).isTrue();
        assertThat(table.get("p", "1")).isEmpty();
        assertThat(table.write(Write.delete("p", "1"))).as("deleting a missing item is no error").isTrue();
    }

    @Test
    void put_new_and_put_existing_write_nothing_when_refused() {
        assertThat(table.write(Write.putNew(item("p", "1", "v", s("first"))))).isTrue();
        assertThat(table.write(Write.putNew(item("p", "1", "v", s("second"))))).isFalse();
        assertThat(table.get("p", "1")).contains(item("p", "1", "v", s("first")));

        assertThat(table.write(Write.putExisting(item("p", "2", "v", s("x"))))).isFalse();
        assertThat(table.get("p", "2")).isEmpty();
        assertThat(table.write(Write.putExisting(item("p", "1", "v", s("third"))))).isTrue();
        assertThat(table.get("p", "1")).contains(item("p", "1", "v", s("third")));

        assertThat(table.write(Write.put(item("p", "1", "v", s("fourth")), Condition.eq("v", "nope")))).isFalse();
        assertThat(table.get("p", "1")).contains(item("p", "1", "v", s("third")));
    }

    @Test
    void a_conditional_change_or_delete_writes_nothing_when_refused() {
        table.write(Write.put(item("p", "1", "status", s("OPEN"), "n", n(1))));

        assertThat(table.write(Write.change("p", "1", Update.create().set("status", "CLOSED").add("n", 1),
                Condition.eq("status", "CLOSED")))).isFalse();
        assertThat(table.write(Write.change("p", "2", Update.create().set("status", "CLOSED"),
                Condition.exists(TableShape.PK)))).isFalse();
        assertThat(table.write(Write.delete("p", "1", Condition.ne("status", "OPEN")))).isFalse();
        assertThat(table.get("p", "1")).contains(item("p", "1", "status", s("OPEN"), "n", n(1)));
        assertThat(table.get("p", "2")).as("a refused change creates nothing").isEmpty();

        assertThat(table.write(Write.change("p", "1", Update.create().set("status", "CLOSED").add("n", 1),
                Condition.eq("status", "OPEN")))).isTrue();
        assertThat(table.get("p", "1")).contains(item("p", "1", "status", s("CLOSED"), "n", n(2)));
        assertThat(table.write(Write.delete("p", "1", Condition.eq("status", "CLOSED")))).isTrue();
        assertThat(table.get("p", "1")).isEmpty();
    }

    // ---------------------------------------------------------------- every condition form

    @Test
    void numbers_compare_as_numbers_and_strings_by_their_utf8_bytes() {
        assertThat(holds(Condition.is("n", Op.EQ, 10))).isTrue();
        assertThat(holds(Condition.is("n", Op.EQ, AttributeValue.fromN("10.0")))).isTrue();
        assertThat(holds(Condition.is("n", Op.NE, 9))).isTrue();
        assertThat(holds(Condition.is("n", Op.NE, 10))).isFalse();
        assertThat(holds(Condition.is("n", Op.GT, 9))).as("10 > 9, although \"10\" < \"9\"").isTrue();
        assertThat(holds(Condition.is("n", Op.LT, 9))).isFalse();
        assertThat(holds(Condition.is("n", Op.LT, 11))).isTrue();
        assertThat(holds(Condition.is("n", Op.LE, 10))).isTrue();
        assertThat(holds(Condition.is("n", Op.LE, 9))).isFalse();
        assertThat(holds(Condition.is("n", Op.GE, 10))).isTrue();
        assertThat(holds(Condition.is("n", Op.GE, 11))).isFalse();
        assertThat(holds(Condition.is("n", Op.GT, -100))).isTrue();

        assertThat(holds(Condition.eq("s", "b"))).isTrue();
        assertThat(holds(Condition.eq("s", "B"))).isFalse();
        assertThat(holds(Condition.ne("s", "B"))).isTrue();
        assertThat(holds(Condition.is("s", Op.LT, s("c")))).isTrue();
        assertThat(holds(Condition.is("s", Op.GT, s("B")))).isTrue();
        assertThat(holds(Condition.is("s", Op.GE, s("ba")))).isFalse();
        // UTF-8 byte order (EF BF BD < F0 9F 98 80), the opposite of Java's UTF-16 String.compareTo
        assertThat(holds(Condition.is("replacement", Op.LT, s("\uD83D\uDE00")))).isTrue();
        assertThat(holds(Condition.is("emoji", Op.GT, s("\uFFFD")))).isTrue();
    }

    @Test
    void an_attribute_compares_with_another_attribute_of_the_same_item() {
        assertThat(holds(Condition.compare("m", Op.LT, "n"))).as("9 < 10").isTrue();
        assertThat(holds(Condition.compare("m", Op.LE, "n"))).isTrue();
        assertThat(holds(Condition.compare("m", Op.GT, "n"))).isFalse();
        assertThat(holds(Condition.compare("n", Op.GE, "m"))).isTrue();
        assertThat(holds(Condition.compare("s", Op.EQ, "t"))).isTrue();
        assertThat(holds(Condition.compare("s", Op.NE, "t"))).isFalse();
        assertThat(holds(Condition.compare("n", Op.EQ, "m"))).isFalse();
        assertThat(holds(Condition.compare("n", Op.NE, "m"))).isTrue();
        assertThat(holds(Condition.compare("replacement", Op.LT, "emoji"))).isTrue();
    }

    @Test
    void exists_missing_and_all_and_any_combine_as_in_dynamodb() {
        assertThat(holds(Condition.exists("n"))).isTrue();
        assertThat(holds(Condition.exists("nope"))).isFalse();
        assertThat(holds(Condition.missing("nope"))).isTrue();
        assertThat(holds(Condition.missing("n"))).isFalse();
        assertThat(holdsForNoItem(Condition.missing(TableShape.PK))).isTrue();
        assertThat(holdsForNoItem(Condition.exists(TableShape.PK))).isFalse();

        Condition guarded = Condition.exists(TableShape.PK)
                .and(Condition.anyOf(Condition.missing("nope"), Condition.is("nope", Op.LT, 5)));
        assertThat(holds(guarded)).isTrue();
        assertThat(holds(Condition.exists(TableShape.PK).and(Condition.anyOf(Condition.missing("n"), Condition.is("n", Op.LT, 11)))))
                .isTrue();
        assertThat(holds(Condition.exists(TableShape.PK).and(Condition.anyOf(Condition.missing("n"), Condition.is("n", Op.LT, 10)))))
                .isFalse();
        assertThat(holdsForNoItem(guarded)).isFalse();

        Condition all = Condition.eq("s", "b").and(Condition.compare("m", Op.LT, "n")).and(Condition.exists("t"));
        assertThat(all).isInstanceOf(Condition.All.class);
        assertThat(((Condition.All) all).parts()).hasSize(3);
        assertThat(holds(all)).isTrue();
        assertThat(holds(all.and(Condition.exists("nope")))).isFalse();
        assertThat(Condition.always().and(Condition.exists("n"))).isEqualTo(Condition.exists("n"));
        assertThat(holds(Condition.always().and(Condition.exists("n")))).isTrue();

        assertThat(holds(Condition.anyOf(Condition.eq("s", "x"), Condition.is("n", Op.GT, 9)))).isTrue();
        assertThat(holds(Condition.anyOf(Condition.eq("s", "x"), Condition.is("n", Op.GT, 10)))).isFalse();
        assertThat(holds(Condition.anyOf(Condition.eq("s", "x"), Condition.eq("s", "b").and(Condition.exists("m"))))).isTrue();
    }

    /**
     * DynamoDB: a comparison with a missing attribute is false; both engines make {@code <>} true (moto:
     * see MotoFidelityTest; SQLite: Values.compare, as Condition documents). Code must not depend on that
     * {@code <>} (see MotoFidelityTest for the one unguarded use, the cancelling put of a booking).
     */
    @Test
    void a_comparison_with_a_missing_attribute_is_false_for_every_operator_but_not_equal() {
        for (Op op : List.of(Op.EQ, Op.LT, Op.LE, Op.GT, Op.GE)) {
            assertThat(holds(Condition.is("nope", op, 10))).as("nope %s 10", op).isFalse();
            assertThat(holds(Condition.is("nope", op, s("b")))).as("nope %s 'b'", op).isFalse();
            assertThat(holds(Condition.compare("nope", op, "n"))).as("nope %s n", op).isFalse();
            assertThat(holds(Condition.compare("n", op, "nope"))).as("n %s nope", op).isFalse();
            assertThat(holdsForNoItem(Condition.is("n", op, 10))).as("no item: n %s 10", op).isFalse();
        }
        assertThat(holds(Condition.is("nope", Op.NE, 10))).isTrue();
        assertThat(holds(Condition.compare("nope", Op.NE, "n"))).isTrue();
        assertThat(holds(Condition.compare("n", Op.NE, "nope"))).isTrue();
        assertThat(holdsForNoItem(Condition.is("n", Op.NE, 10))).isTrue();
    }

    /**
     * ENGINE DIFFERENCE: two MISSING attributes. moto compares them as None == None ({@code =} true,
     * {@code <>} false); SQLite keeps its rule (= false, <> true), which is DynamoDB's documented one
     * ("a comparison with a missing attribute is false"). Our code never compares two attributes that
     * can both be missing.
     */
    @Test
    void two_missing_attributes_compare_equal_on_moto_but_not_on_sqlite() {
        assertThat(holds(Condition.compare("nope", Op.EQ, "gone"))).isEqualTo(engine == MOTO);
        assertThat(holds(Condition.compare("nope", Op.NE, "gone"))).isEqualTo(engine.followsDynamoDbDocs());
        for (Op op : List.of(Op.LT, Op.LE, Op.GT, Op.GE)) {
            assertThat(holds(Condition.compare("nope", op, "gone"))).as("nope %s gone", op).isFalse();
        }
    }

    /**
     * Values of different types are never equal, on both engines. (An ORDER comparison of a number with a
     * string is false on SQLite but an HTTP 500 in moto, see MotoFidelityTest; our code never makes one.)
     */
    @Test
    void values_of_different_types_are_never_equal() {
        assertThat(holds(Condition.is("n", Op.EQ, s("10")))).isFalse();
        assertThat(holds(Condition.is("n", Op.NE, s("10")))).isTrue();
        assertThat(holds(Condition.is("s", Op.EQ, AttributeValue.fromN("1")))).isFalse();
        assertThat(holds(Condition.compare("n", Op.EQ, "s"))).isFalse();
        assertThat(holds(Condition.compare("n", Op.NE, "s"))).isTrue();
    }

    // ---------------------------------------------------------------- updates

    @Test
    void a_change_sets_adds_and_removes_and_creates_a_missing_item() {
        assertThat(table.write(Write.change("p", "new", Update.create().set("status", "OPEN").add("n", 5),
                Condition.always()))).isTrue();
        assertThat(table.get("p", "new")).contains(item("p", "new", "status", s("OPEN"), "n", n(5)));

        assertThat(table.write(Write.change("p", "new", Update.create().add("n", -7).remove("status")
                .set("when", AttributeValue.fromN("1700000000")), Condition.exists(TableShape.PK)))).isTrue();
        assertThat(table.get("p", "new")).contains(item("p", "new", "n", n(-2), "when", n(1700000000)));

        assertThat(table.write(Write.change("p", "new", Update.create().remove("nothing-there").add("other", 3),
                Condition.always()))).isTrue();
        assertThat(table.get("p", "new")).contains(item("p", "new", "n", n(-2), "when", n(1700000000), "other", n(3)));

        // the login-rate form: ADD on a missing item, guarded by attribute_not_exists OR <
        Write.Change admit = (Write.Change) Write.change("p", "rate", Update.create().add("requests", 1).set("ttl", 99),
                Condition.anyOf(Condition.missing("requests"), Condition.is("requests", Op.LT, 2)));
        assertThat(table.write(admit)).isTrue();
        assertThat(table.write(admit)).isTrue();
        assertThat(table.write(admit)).isFalse();
        assertThat(table.get("p", "rate")).contains(item("p", "rate", "requests", n(2), "ttl", n(99)));
    }

    /**
     * ENGINE DIFFERENCE: ADD to a string is refused by both; DynamoDB and SQLite then write nothing, but
     * moto has already applied the SET part of the same UpdateItem (MotoFidelityTest records it). Inside
     * a transaction moto writes nothing. Our code only ever ADDs to numbers.
     */
    @Test
    void adding_to_a_string_is_refused_and_sqlite_writes_nothing_while_moto_keeps_the_set_part() {
        table.write(Write.put(item("p", "text", "n", s("ten"))));
        assertThatThrownBy(() -> table.write(Write.change("p", "text", Update.create().add("n", 1),
                Condition.always()))).isInstanceOf(TableException.class);
        assertThat(table.get("p", "text")).contains(item("p", "text", "n", s("ten")));

        assertThatThrownBy(() -> table.write(Write.change("p", "text", Update.create().add("n", 1).set("x", "y"),
                Condition.always()))).isInstanceOf(TableException.class);
        assertThat(table.get("p", "text")).contains(engine.followsDynamoDbDocs()
                ? item("p", "text", "n", s("ten"))
                : item("p", "text", "n", s("ten"), "x", s("y")));

        assertThatThrownBy(() -> table.tryTransact(List.of(Write.change("p", "text",
                Update.create().add("n", 1).set("z", "y"), Condition.always())))).isInstanceOf(TableException.class);
        assertThat(table.get("p", "text").orElseThrow()).doesNotContainKey("z");
    }

    @Test
    void change_returning_old_returns_the_item_before_or_empty_when_refused() {
        Write.Change first = new Write.Change("p", "1", Update.create().set("v", "one"), Condition.always());
        assertThat(table.changeReturningOld(first)).as("a new item had no attributes").contains(Map.of());

        Write.Change second = new Write.Change("p", "1", Update.create().set("v", "two").add("n", 1),
                Condition.exists(TableShape.PK));
        assertThat(table.changeReturningOld(second)).contains(item("p", "1", "v", s("one")));
        assertThat(table.get("p", "1")).contains(item("p", "1", "v", s("two"), "n", n(1)));

        Write.Change refused = new Write.Change("p", "1", Update.create().set("v", "three"), Condition.eq("v", "one"));
        assertThat(table.changeReturningOld(refused)).isEmpty();
        assertThat(table.get("p", "1")).contains(item("p", "1", "v", s("two"), "n", n(1)));
        assertThat(table.changeReturningOld(new Write.Change("p", "2", Update.create().set("v", "x"),
                Condition.exists(TableShape.PK)))).isEmpty();
        assertThat(table.get("p", "2")).isEmpty();
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void a_transaction_applies_every_write_or_none_and_flags_each_failing_write() {
        table.write(Write.put(item("t", "b", "status", s("OPEN"))));
        table.write(Write.put(item("t", "c")));

        List<Write> failing = List.of(
                Write.putNew(item("t", "a", "v", s("new"))),
                Write.change("t", "b", Update.create().set("status", "CLOSED"), Condition.eq("status", "CANCELLED")),
                Write.delete("t", "c", Condition.exists(TableShape.PK)),
                Write.requireExists("t", "d"),
                Write.change("t", "e", Update.create().add("n", 1), Condition.always()));
        assertThat(table.tryTransact(failing)).containsExactly(false, true, false, true, false);
        assertThat(table.get("t", "a")).isEmpty();
        assertThat(table.get("t", "b")).contains(item("t", "b", "status", s("OPEN")));
        assertThat(table.get("t", "c")).isPresent();
        assertThat(table.get("t", "e")).isEmpty();

        DomainException refusal = DomainException.conflict("TAKEN", "taken", null);
        List<List<Boolean>> seen = new ArrayList<>();
        assertThatThrownBy(() -> table.transact(failing, flags -> {
            seen.add(flags);
            return refusal;
        })).isSameAs(refusal);
        assertThat(seen).containsExactly(List.of(false, true, false, true, false));

        table.write(Write.put(item("t", "d")));
        List<Write> holding = List.of(
                Write.putNew(item("t", "a", "v", s("new"))),
                Write.change("t", "b", Update.create().set("status", "CLOSED"), Condition.eq("status", "OPEN")),
                Write.delete("t", "c", Condition.exists(TableShape.PK)),
                Write.requireExists("t", "d"),
                Write.change("t", "e", Update.create().add("n", 1), Condition.always()));
        assertThat(table.tryTransact(holding)).isNull();
        assertThat(table.get("t", "a")).contains(item("t", "a", "v", s("new")));
        assertThat(table.get("t", "b")).contains(item("t", "b", "status", s("CLOSED")));
        assertThat(table.get("t", "c")).isEmpty();
        assertThat(table.get("t", "d")).contains(item("t", "d"));
        assertThat(table.get("t", "e")).contains(item("t", "e", "n", n(1)));
    }

    @Test
    void a_check_written_alone_changes_nothing_and_tells_whether_it_held() {
        assertThat(table.write(Write.requireExists("t", "x"))).isFalse();
        assertThat(table.get("t", "x")).isEmpty();
        table.write(Write.put(item("t", "x", "v", s("1"))));
        assertThat(table.write(Write.requireExists("t", "x"))).isTrue();
        assertThat(table.write(new Write.Check("t", "x", Condition.eq("v", "2")))).isFalse();
        assertThat(table.get("t", "x")).contains(item("t", "x", "v", s("1")));
    }

    @Test
    void two_writes_to_one_item_in_a_transaction_are_refused_and_nothing_is_written() {
        assertThatThrownBy(() -> table.tryTransact(List.of(
                Write.putNew(item("t", "other")),
                Write.putNew(item("t", "a", "v", s("1"))),
                Write.change("t", "a", Update.create().set("v", "2"), Condition.always()))))
                .isInstanceOf(TableException.class);
        assertThatThrownBy(() -> table.tryTransact(List.of(Write.requireExists("t", "a"), Write.delete("t", "a"))))
                .isInstanceOf(TableException.class);
        assertThat(table.get("t", "a")).isEmpty();
        assertThat(table.get("t", "other")).isEmpty();
    }

    @Test
    void a_transaction_holds_up_to_100_writes_and_101_are_refused() {
        assertThat(table.tryTransact(IntStream.range(0, 100)
                .mapToObj(i -> Write.putNew(item("many", String.format("%03d", i)))).toList())).isNull();
        assertThat(table.query(KeyQuery.partition("many"))).hasSize(100);

        assertThatThrownBy(() -> table.tryTransact(IntStream.range(0, 101)
                .mapToObj(i -> Write.putNew(item("more", String.format("%03d", i)))).toList()))
                .isInstanceOf(TableException.class);
        assertThat(table.query(KeyQuery.partition("more"))).isEmpty();
    }

    // ---------------------------------------------------------------- queries

    @Test
    void key_queries_select_a_partition_a_prefix_or_an_inclusive_range_in_sort_key_byte_order() {
        for (String sk : List.of("B#2", "A#10", "A#2", "A#1", "a#1", "\uD83D\uDE00", "\uFFFD", "Z", "A")) {
            table.write(Write.put(item("q", sk)));
        }
        table.write(Write.put(item("other", "A#1")));
        table.write(Write.put(item("q2", "A#1")));

        assertThat(sortKeys(table.query(KeyQuery.partition("q"))))
                .containsExactly("A", "A#1", "A#10", "A#2", "B#2", "Z", "a#1", "\uFFFD", "\uD83D\uDE00");
        assertThat(sortKeys(table.query(KeyQuery.prefix("q", "A#")))).containsExactly("A#1", "A#10", "A#2");
        assertThat(sortKeys(table.query(KeyQuery.prefix("q", "\uFFFD")))).containsExactly("\uFFFD");
        assertThat(sortKeys(table.query(KeyQuery.prefix("q", "C")))).isEmpty();
        assertThat(sortKeys(table.query(KeyQuery.between("q", "A#10", "B#2")))).containsExactly("A#10", "A#2", "B#2");
        assertThat(sortKeys(table.query(KeyQuery.between("q", "A#11", "A#19")))).isEmpty();
        assertThat(table.query(KeyQuery.partition("nothing"))).isEmpty();
        assertThat(table.query(KeyQuery.partition("q")).get(0)).isEqualTo(item("q", "A"));
    }

    @Test
    void the_index_holds_only_items_with_both_index_keys_in_index_sort_key_order() {
        table.write(Write.put(item("i", "1", "GSI1PK", s("list"), "GSI1SK", s("2026-03"), "v", s("one"))));
        table.write(Write.put(item("i", "2", "GSI1PK", s("list"), "GSI1SK", s("2026-01"))));
        table.write(Write.put(item("j", "3", "GSI1PK", s("list"), "GSI1SK", s("2026-02"))));
        table.write(Write.put(item("i", "4", "GSI1PK", s("list"))));
        table.write(Write.put(item("i", "5", "GSI1SK", s("2026-01"))));
        table.write(Write.put(item("i", "6")));
        table.write(Write.put(item("i", "7", "GSI1PK", s("elsewhere"), "GSI1SK", s("2026-01"))));

        KeyQuery list = KeyQuery.partition("list").onIndex("GSI1");
        assertThat(sortKeys(table.query(list))).containsExactly("2", "3", "1");
        assertThat(table.query(list).get(2)).as("every attribute is projected")
                .isEqualTo(item("i", "1", "GSI1PK", s("list"), "GSI1SK", s("2026-03"), "v", s("one")));
        assertThat(sortKeys(table.query(KeyQuery.prefix("list", "2026-0").onIndex("GSI1")))).containsExactly("2", "3", "1");
        assertThat(sortKeys(table.query(KeyQuery.between("list", "2026-02", "2026-03").onIndex("GSI1"))))
                .containsExactly("3", "1");

        // a change or a delete moves items out of and into the index
        table.write(Write.change("i", "1", Update.create().remove("GSI1SK"), Condition.always()));
        table.write(Write.change("i", "4", Update.create().set("GSI1SK", "2026-00"), Condition.always()));
        table.write(Write.delete("j", "3"));
        table.write(Write.put(item("i", "2", "GSI1PK", s("elsewhere"), "GSI1SK", s("2026-09"))));
        assertThat(sortKeys(table.query(list))).containsExactly("4");
        assertThat(sortKeys(table.query(KeyQuery.partition("elsewhere").onIndex("GSI1")))).containsExactly("7", "2");

        // equal index sort keys: every item once, order among them unspecified
        for (int i = 0; i < 5; i++) table.write(Write.put(item("tie", "" + i, "GSI1PK", s("ties"), "GSI1SK", s("same"))));
        assertThat(sortKeys(table.query(KeyQuery.partition("ties").onIndex("GSI1"))))
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4");

        assertThatThrownBy(() -> table.query(KeyQuery.partition("list").onIndex("GSI9"))).isInstanceOf(TableException.class);
    }

    @Test
    void a_query_returns_every_item_across_more_than_one_megabyte_on_the_table_and_the_index() {
        String payload = "x".repeat(100_000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String sk = String.format("BIG#%02d", i);
            expected.add(sk);
            table.write(Write.put(item("big", sk, "data", s(payload), "GSI1PK", s("big"), "GSI1SK", s(sk))));
        }
        List<Map<String, AttributeValue>> onTable = table.query(KeyQuery.partition("big"));
        assertThat(sortKeys(onTable)).containsExactlyElementsOf(expected);
        assertThat(onTable).allSatisfy(i -> assertThat(i.get("data").s()).hasSize(100_000));
        assertThat(sortKeys(table.query(KeyQuery.partition("big").onIndex("GSI1")))).containsExactlyElementsOf(expected);
        assertThat(sortKeys(table.query(KeyQuery.between("big", "BIG#05", "BIG#24")))).containsExactlyElementsOf(
                expected.subList(5, 25));
    }

    // ---------------------------------------------------------------- key limits

    @Test
    void keys_over_their_byte_limits_are_refused_on_every_write_and_the_limits_themselves_pass() {
        String pkAtLimit = "\u00e9".repeat(1024);        // 2048 UTF-8 bytes
        String pkOver = pkAtLimit + "x";                  // 2049 bytes, 1025 characters
        String skAtLimit = "\u00e9".repeat(512);         // 1024 bytes
        String skOver = skAtLimit + "x";                  // 1025 bytes
        assertThat(skOver.getBytes(StandardCharsets.UTF_8)).hasSize(1025);

        assertThat(table.write(Write.put(item(pkAtLimit, skAtLimit)))).isTrue();
        assertThat(table.get(pkAtLimit, skAtLimit)).isPresent();
        assertThat(table.write(Write.put(item("p", "g", "GSI1PK", s(pkAtLimit), "GSI1SK", s(skAtLimit))))).isTrue();

        assertRefused(() -> table.write(Write.put(item(pkOver, "1"))));
        assertRefused(() -> table.write(Write.putNew(item("p", skOver))));
        assertRefused(() -> table.write(Write.change(pkOver, "1", Update.create().set("v", "x"), Condition.always())));
        assertRefused(() -> table.write(Write.change("p", skOver, Update.create().add("n", 1), Condition.always())));
        assertRefused(() -> table.changeReturningOld(new Write.Change("p", skOver, Update.create().add("n", 1),
                Condition.always())));
        assertRefused(() -> table.tryTransact(List.of(Write.putNew(item("p", "ok")), Write.putNew(item("p", skOver)))));
        assertRefused(() -> table.write(Write.put(item("p", "g1", "GSI1PK", s(pkOver), "GSI1SK", s("x")))));
        assertRefused(() -> table.write(Write.put(item("p", "g2", "GSI1PK", s("x"), "GSI1SK", s(skOver)))));
        assertRefused(() -> table.write(Write.put(item("", "1"))));
        assertRefused(() -> table.write(Write.put(item("p", "g3", "GSI1PK", s(""), "GSI1SK", s("x")))));
        assertThat(table.get("p", "ok")).isEmpty();
        assertThat(sortKeys(table.query(KeyQuery.partition("p")))).containsExactly("g");
    }

    /**
     * ENGINE DIFFERENCE: DynamoDB refuses a key over its limit in every request that names one, reads,
     * deletes and checks included (ValidationException). SQLite does the same; moto accepts such requests
     * and finds nothing (MotoFidelityTest records it). Input validation must keep keys short; neither
     * engine may be relied on to turn an over-long key into "not found".
     */
    @Test
    void a_key_over_its_limit_in_a_read_delete_or_check_is_refused_by_sqlite_as_by_dynamodb_but_not_by_moto() {
        String pkOver = "p".repeat(2049);
        String skOver = "s".repeat(1025);
        if (engine.followsDynamoDbDocs()) {
            assertRefused(() -> table.get(pkOver, "1"));
            assertRefused(() -> table.get("p", skOver));
            assertRefused(() -> table.query(KeyQuery.partition(pkOver)));
            assertRefused(() -> table.query(KeyQuery.partition(pkOver).onIndex("GSI1")));
            assertRefused(() -> table.write(Write.delete(pkOver, "1")));
            assertRefused(() -> table.write(Write.requireExists("p", skOver)));
        } else {
            assertThat(table.get(pkOver, "1")).isEmpty();
            assertThat(table.get("p", skOver)).isEmpty();
            assertThat(table.query(KeyQuery.partition(pkOver))).isEmpty();
            assertThat(table.query(KeyQuery.partition(pkOver).onIndex("GSI1"))).isEmpty();
            assertThat(table.write(Write.delete(pkOver, "1"))).isTrue();
            assertThat(table.write(Write.requireExists("p", skOver))).isFalse();
        }
    }

    /** ENGINE DIFFERENCE: GSI1PK is a string key; DynamoDB and SQLite refuse a number there, moto stores it. */
    @Test
    void a_number_as_index_key_is_refused_by_sqlite_as_by_dynamodb_but_not_by_moto() {
        Write typed = Write.put(item("p", "typed", "GSI1PK", n(1), "GSI1SK", s("x")));
        if (engine.followsDynamoDbDocs()) assertRefused(() -> table.write(typed));
        else assertThat(table.write(typed)).isTrue();
    }

    /**
     * DynamoDB refuses an item over 400 KB, counted its way (names and values, not their JSON). SQLite and the memory
     * engine count it the same way ({@link ItemRules#size}); moto is not relied on here.
     */
    @Test
    void an_item_over_400_kb_is_refused_whole_and_one_just_under_is_stored() {
        if (!engine.followsDynamoDbDocs()) return;
        // PK "p" + SK "big" = 2 + 1 + 2 + 3 bytes; "body" = 4 bytes of name
        String justUnder = "x".repeat(400 * 1024 - (2 + 1 + 2 + 3) - 4);
        assertThat(table.write(Write.put(item("p", "big", "body", s(justUnder))))).isTrue();
        assertRefused(() -> table.write(Write.put(item("p", "bigger", "body", s(justUnder + "x")))));
        assertThat(table.get("p", "bigger")).isEmpty();
        assertThat(ItemRules.size(Map.of("n", n(10), "m", AttributeValue.fromM(Map.of("k", s("v")))))).isEqualTo(
                1 + 2 + 1 + (3 + 1 + 1 + 1));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void two_hundred_parallel_conditional_increments_end_exact() throws Exception {
        List<Boolean> applied = Parallel.run(200, i -> table.write(Write.change("counter", "C",
                Update.create().add("n", 1), Condition.anyOf(Condition.missing("n"), Condition.is("n", Op.LT, 150)))));
        assertThat(applied.stream().filter(a -> a).count()).isEqualTo(150);
        assertThat(table.get("counter", "C")).contains(item("counter", "C", "n", n(150)));
    }

    @Test
    void two_hundred_parallel_slot_claims_have_exactly_one_winner_and_one_second_item() throws Exception {
        List<List<Boolean>> outcomes = Parallel.run(200, i -> Optional.ofNullable(table.tryTransact(List.of(
                Write.putNew(item("slot", "SLOT", "owner", s("" + i))),
                Write.putNew(item("claims", "claim#" + i, "owner", s("" + i)))))).orElse(List.of()));
        List<Integer> winners = IntStream.range(0, 200).filter(i -> outcomes.get(i).isEmpty()).boxed().toList();
        assertThat(winners).hasSize(1);
        int winner = winners.get(0);
        assertThat(outcomes).filteredOn(o -> !o.isEmpty()).hasSize(199).allSatisfy(o -> assertThat(o).containsExactly(true, false));
        assertThat(table.get("slot", "SLOT").orElseThrow().get("owner")).isEqualTo(s("" + winner));
        assertThat(sortKeys(table.query(KeyQuery.partition("claims")))).containsExactly("claim#" + winner);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Whether the condition holds for {@link #SAMPLE}, asked twice: as a transaction's check (which writes
     * nothing) and as a conditional delete (which must delete exactly when it held).
     */
    private boolean holds(Condition condition) {
        String sk = "probe-" + PROBES.incrementAndGet();
        Map<String, AttributeValue> stored = new HashMap<>(SAMPLE);
        stored.putAll(item("probe", sk));
        table.write(Write.put(stored));
        boolean checked = table.write(new Write.Check("probe", sk, condition));
        boolean deleted = table.write(Write.delete("probe", sk, condition));
        assertThat(deleted).as("the check and the delete agree on " + condition).isEqualTo(checked);
        assertThat(table.get("probe", sk).isEmpty()).as("deleted exactly when the condition held").isEqualTo(deleted);
        return deleted;
    }

    /** Whether the condition holds where there is no item: a conditional change must create one exactly then. */
    private boolean holdsForNoItem(Condition condition) {
        String sk = "none-" + PROBES.incrementAndGet();
        boolean checked = table.write(new Write.Check("probe", sk, condition));
        boolean changed = table.write(Write.change("probe", sk, Update.create().set("v", "created"), condition));
        assertThat(changed).as("the check and the change agree on " + condition).isEqualTo(checked);
        assertThat(table.get("probe", sk).isPresent()).isEqualTo(changed);
        return changed;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable request) {
        assertThatThrownBy(request).isInstanceOf(TableException.class);
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get(TableShape.SK).s()).toList();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, Object... attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(TableShape.PK, s(pk));
        item.put(TableShape.SK, s(sk));
        for (int i = 0; i < attributes.length; i += 2) item.put((String) attributes[i], (AttributeValue) attributes[i + 1]);
        return item;
    }
}
