package com.studiobooking.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import com.studiobooking.core.common.DomainException;

import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the API: strict on input (unknown fields, wrong types, null elements in
 * arrays, malformed JSON and JSON beyond {@link #LIMITS} are refused naming the field), ISO-8601
 * instants and no nulls on output.
 */
public final class Json {
    /**
     * What a request body may hold, far below Jackson's defaults (1,000 levels, 1,000-digit numbers,
     * 20 M-character strings), which let a small body cost deep recursion, a slow big-number parse
     * or much memory before any rule sees it. The deepest body is about 4 levels (availability:
     * object, array, override, intervals); the longest number a 64-bit one (19 digits); the longest
     * text field 4,000 characters (online-access instructions) and field names are a few words.
     * Room is left above each, so only hostile input meets a limit.
     */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(50)
            .maxStringLength(100_000)
            .maxNameLength(256)
            .build();

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .addModule(new JavaTimeModule()
                    // wall-clock hours are HH:mm on the wire, as staff send them
                    .addSerializer(LocalTime.class, new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm"))))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // an enum is named, never numbered: {"status":1} is not the second constant
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            // [null] in a list is refused here, once, rather than in each rule that walks a list
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    private Json() {}

    /** Reads a request body into {@code type}, or refuses it with a 400 naming the field and the reason. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) throw DomainException.invalid("body", "a JSON body is required");
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(body);
            T value = MAPPER.readValue(parser, type);
            if (value == null) throw DomainException.invalid("body", "must be a JSON object");
            return value;
        } catch (JsonProcessingException e) {
            throw refusal(e, parser);
        } catch (IOException e) {
            throw DomainException.invalid("body", "could not be read");
        } finally {
            closeQuietly(parser);
        }
    }

    private static DomainException refusal(JsonProcessingException e, JsonParser parser) {
        StreamConstraintsException beyondLimits = cause(e, StreamConstraintsException.class);
        if (beyondLimits != null) return beyondLimits(beyondLimits, e, parser);
        DomainException refusedByTheValue = cause(e, DomainException.class);
        if (refusedByTheValue != null) return refusedByTheValue;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return DomainException.invalid(path(unknown), "is not a known field");
        }
        if (e instanceof InvalidNullException nullElement) {
            return DomainException.invalid(path(nullElement), "must not be null");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return DomainException.invalid(path(format), "must be one of " + allowed);
            }
            return DomainException.invalid(path(format), "must be " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return DomainException.invalid(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping) {
            return DomainException.invalid(path(mapping), "has an invalid value");
        }
        JsonLocation at = e.getLocation();
        return DomainException.invalid("body", at == null || at.getLineNr() < 0 ? "is not valid JSON"
                : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /**
     * A body beyond {@link #LIMITS}, naming the field where the parser stopped (for too deep a nesting,
     * the outermost field: the path inside would be as long as the nesting).
     */
    private static DomainException beyondLimits(StreamConstraintsException e, JsonProcessingException thrown,
                                                JsonParser parser) {
        List<String> path = parser != null ? steps(parser)
                : thrown instanceof JsonMappingException mapping ? steps(mapping) : List.of();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            String outermost = path.isEmpty() || path.get(0).startsWith("[") ? "body" : field(path.subList(0, 1));
            return DomainException.invalid(outermost, "is nested deeper than " + LIMITS.getMaxNestingDepth() + " levels");
        }
        String field = field(path);
        if (message.startsWith("number") || message.contains("bigdecimal") || message.contains("biginteger")) {
            return DomainException.invalid(field, "has a number longer than " + LIMITS.getMaxNumberLength() + " digits");
        }
        if (message.startsWith("string")) {
            return DomainException.invalid(field, "is longer than " + LIMITS.getMaxStringLength() + " characters");
        }
        if (message.startsWith("name")) {
            return DomainException.invalid("body", "has a field name longer than " + LIMITS.getMaxNameLength() + " characters");
        }
        return DomainException.invalid("body", "is too large");
    }

    private static <E extends Throwable> E cause(Throwable thrown, Class<E> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser == null) return;
        try {
            parser.close();
        } catch (IOException ignored) {
            // a parser over a string holds nothing to release
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    /**
     * Builds and caches, ahead of the first answer, the serializers of {@code roots} and of every record, enum and
     * element type reachable from their components (SnapStart priming: no instance is needed, and nothing is written).
     * Jackson builds a serializer on the first value of its type, and resolves a list's or map's element type only
     * when it meets one; walking the components reaches those too.
     */
    public static void prefetch(Class<?>... roots) {
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<java.lang.reflect.Type> pending = new java.util.ArrayDeque<>(List.of(roots));
        while (!pending.isEmpty()) {
            java.lang.reflect.Type type = pending.pop();
            if (type instanceof java.lang.reflect.ParameterizedType generic) {
                pending.addAll(Arrays.asList(generic.getActualTypeArguments()));
                type = generic.getRawType();
            }
            if (!(type instanceof Class<?> c) || c.isPrimitive() || !seen.add(c)) continue;
            if (c.isRecord() || c.isEnum()) MAPPER.writerFor(c);
            if (c.isRecord()) {
                for (java.lang.reflect.RecordComponent component : c.getRecordComponents()) pending.push(component.getGenericType());
            }
        }
    }

    private static String path(JsonMappingException e) {
        return field(steps(e));
    }

    /** {@code weekly[0].day} from its steps; {@code body} for the body itself. */
    private static String field(List<String> steps) {
        String path = String.join("", steps);
        return path.isEmpty() ? "body" : path.substring(path.startsWith(".") ? 1 : 0);
    }

    /** {@code .name} and {@code [index]} steps of the mapping path, outermost first. */
    private static List<String> steps(JsonMappingException e) {
        List<String> steps = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) steps.add("." + ref.getFieldName());
            else if (ref.getIndex() >= 0) steps.add("[" + ref.getIndex() + "]");
        }
        return steps;
    }

    /** The same steps, from where the parser stands. */
    private static List<String> steps(JsonParser parser) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) steps.add(0, "." + context.getCurrentName());
            else if (context.inArray()) steps.add(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
        }
        return steps;
    }

    private static String describe(Class<?> type) {
        if (type == null) return "of another type";
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(type)) return "an array";
        if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
        return "an object";
    }
}
