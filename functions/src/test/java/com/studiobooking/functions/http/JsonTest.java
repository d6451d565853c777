package com.studiobooking.functions.http;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Request bodies beyond what any real request holds are refused as bad input, naming the field. */
class JsonTest {
    record Price(Long amount, String currency) {}

    enum Format { IN_PERSON, ONLINE }

    record Body(String name, Integer capacity, Price price, List<String> staffIds, List<Price> prices, Object any,
                Format format) {}

    @Test
    void a_body_within_the_limits_is_read() {
        String text = "x".repeat(4000);
        Body body = Json.read("{\"name\":\"" + text + "\",\"capacity\":10,\"price\":{\"amount\":9223372036854775807,"
                + "\"currency\":\"RON\"},\"staffIds\":[\"a\",\"b\"],\"any\":" + "[".repeat(20) + "1" + "]".repeat(20) + "}", Body.class);

        assertThat(body.name()).isEqualTo(text);
        assertThat(body.price().amount()).isEqualTo(Long.MAX_VALUE);
        assertThat(body.staffIds()).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "nesting {0} levels deep")
    @ValueSource(ints = {65, 1_001, 100_000})
    void json_nested_deeper_than_64_levels_is_refused(int depth) {
        assertRefused("[".repeat(depth) + "]".repeat(depth), "body", "must be an object");
        assertRefused("{\"any\":" + "[".repeat(depth) + "]".repeat(depth) + "}", "any", "is nested deeper than 64 levels");
        assertRefused("{\"any\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}", "any",
                "is nested deeper than 64 levels");
    }

    @ParameterizedTest(name = "a number of {0} digits")
    @ValueSource(ints = {51, 1_001, 100_000})
    void numbers_longer_than_50_digits_are_refused_naming_the_field(int digits) {
        assertRefused("{\"capacity\":" + "9".repeat(digits) + "}", "capacity", "has a number longer than 50 digits");
        assertRefused("{\"price\":{\"amount\":1" + "0".repeat(digits) + "}}", "price.amount", "has a number longer than 50 digits");
        assertRefused("{\"any\":[1, 0." + "5".repeat(digits) + "]}", "any[1]", "has a number longer than 50 digits");
        assertRefused("{\"unknown\":" + "9".repeat(digits) + "}", "unknown", "has a number longer than 50 digits");
    }

    @Test
    void strings_longer_than_100000_characters_and_long_field_names_are_refused() {
        assertRefused("{\"name\":\"" + "x".repeat(100_001) + "\"}", "name", "is longer than 100000 characters");
        assertRefused("{\"" + "k".repeat(257) + "\":1}", "body", "has a field name longer than 256 characters");
    }

    @Test
    void null_elements_in_a_list_are_refused_naming_the_element() {
        assertRefused("{\"staffIds\":[null]}", "staffIds[0]", "must not be null");
        assertRefused("{\"staffIds\":[\"a\",null]}", "staffIds[1]", "must not be null");
        assertRefused("{\"prices\":[{\"amount\":1,\"currency\":\"RON\"},null]}", "prices[1]", "must not be null");
    }

    @Test
    void an_enum_is_named_never_numbered() {
        assertThat(Json.read("{\"format\":\"ONLINE\"}", Body.class).format()).isEqualTo(Format.ONLINE);
        assertRefused("{\"format\":1}", "format", "must be one of IN_PERSON, ONLINE");
        assertRefused("{\"format\":\"HYBRID\"}", "format", "must be one of IN_PERSON, ONLINE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\":", "not json", "{\"name\":\"a\"}{}", "{\"name\":\"\\ud800\"}x", "\u0000",
            "{\"capacity\":NaN}", "{\"capacity\":1,}", "{'name':'x'}"})
    void malformed_json_is_refused_as_the_body(String body) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Json.read(body, Body.class));
        assertThat(refused).as(body).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isNotBlank();
        assertThat(refused.getMessage()).doesNotContain("Exception", "jackson", "com.", "java.");
    }

    private static void assertRefused(String body, String field, String message) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Json.read(body, Body.class));
        assertThat(refused).as(abbreviate(body)).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).as(abbreviate(body)).isEqualTo(field);
        assertThat(refused.getMessage()).as(abbreviate(body)).isEqualTo(message);
    }

    private static String abbreviate(String body) {
        return body.length() <= 80 ? body : body.substring(0, 80) + "…";
    }
}
