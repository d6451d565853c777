package com.studiobooking.functions.http;

import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming builds the serializers of an answer's whole record graph without an instance of it. */
class JsonPrefetchTest {
    enum Colour { RED }

    record Leaf(String name, Colour colour, Instant at) { }

    record Middle(List<Leaf> leaves, Map<String, Leaf> byName) { }

    record Root(String id, Middle middle, List<Root> children) { }

    @Test
    void every_record_and_enum_reachable_from_the_root_gets_its_serializer_built_and_the_answer_is_unchanged() {
        int before = ((DefaultSerializerProvider) Json.MAPPER.getSerializerProvider()).cachedSerializersCount();

        Json.prefetch(Root.class); // Root refers to itself: the walk must end

        int after = ((DefaultSerializerProvider) Json.MAPPER.getSerializerProvider()).cachedSerializersCount();
        assertThat(after - before).as("serializers of Root, Middle, Leaf and Colour").isGreaterThanOrEqualTo(4);
        Root root = new Root("r", new Middle(List.of(new Leaf("a", Colour.RED, Instant.EPOCH)), Map.of()), List.of());
        assertThat(Json.write(root)).isEqualTo("{\"id\":\"r\",\"middle\":{\"leaves\":[{\"name\":\"a\",\"colour\":\"RED\","
                + "\"at\":\"1970-01-01T00:00:00Z\"}],\"byName\":{}},\"children\":[]}");
    }
}
