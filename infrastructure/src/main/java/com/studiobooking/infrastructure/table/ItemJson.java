package com.studiobooking.infrastructure.table;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Items as DynamoDB JSON ({@code {"name":{"S":"Ana"}}}), how the SQLite engine stores them. */
final class ItemJson {
    private ItemJson() {}

    static String write(Map<String, AttributeValue> item) {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            writeMap(json, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, AttributeValue> read(String text) {
        try (JsonReader json = new JsonReader(new StringReader(text))) {
            return readMap(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeMap(JsonWriter json, Map<String, AttributeValue> map) throws IOException {
        json.beginObject();
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            json.name(e.getKey());
            writeValue(json, e.getValue());
        }
        json.endObject();
    }

    private static void writeValue(JsonWriter json, AttributeValue v) throws IOException {
        json.beginObject();
        switch (v.type()) {
            case S -> json.name("S").value(v.s());
            case N -> json.name("N").value(v.n());
            case B -> json.name("B").value(Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe()));
            case BOOL -> json.name("BOOL").value(v.bool());
            case NUL -> json.name("NULL").value(true);
            case M -> {
                json.name("M");
                writeMap(json, v.m());
            }
            case L -> {
                json.name("L").beginArray();
                for (AttributeValue element : v.l()) writeValue(json, element);
                json.endArray();
            }
            case SS -> strings(json.name("SS"), v.ss());
            case NS -> strings(json.name("NS"), v.ns());
            default -> throw new TableException("cannot store an attribute of type " + v.type());
        }
        json.endObject();
    }

    private static void strings(JsonWriter json, List<String> values) throws IOException {
        json.beginArray();
        for (String s : values) json.value(s);
        json.endArray();
    }

    private static Map<String, AttributeValue> readMap(JsonReader json) throws IOException {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        json.beginObject();
        while (json.hasNext()) map.put(json.nextName(), readValue(json));
        json.endObject();
        return map;
    }

    private static AttributeValue readValue(JsonReader json) throws IOException {
        json.beginObject();
        String type = json.nextName();
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.fromS(json.nextString());
            case "N" -> AttributeValue.fromN(json.nextString());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(json.nextString())));
            case "BOOL" -> AttributeValue.fromBool(json.nextBoolean());
            case "NULL" -> {
                json.nextBoolean();
                yield AttributeValue.fromNul(true);
            }
            case "M" -> AttributeValue.fromM(readMap(json));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                json.beginArray();
                while (json.peek() != JsonToken.END_ARRAY) list.add(readValue(json));
                json.endArray();
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(readStrings(json));
            case "NS" -> AttributeValue.fromNs(readStrings(json));
            default -> throw new TableException("unknown attribute type " + type);
        };
        json.endObject();
        return value;
    }

    private static List<String> readStrings(JsonReader json) throws IOException {
        List<String> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) values.add(json.nextString());
        json.endArray();
        return values;
    }
}
