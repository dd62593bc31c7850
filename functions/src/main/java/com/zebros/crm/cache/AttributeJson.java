package com.zebros.crm.cache;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items to text and back, type by type, for the cache and for priming: the encoding of
 * DynamoDB's own JSON ({"S": ...}, {"N": ...}, {"M": ...}:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html).
 */
public final class AttributeJson {
    private AttributeJson() {}

    public static String write(Map<String, AttributeValue> item) {
        JsonObject json = new JsonObject();
        item.forEach((k, v) -> json.add(k, value(v)));
        return json.toString();
    }

    static Map<String, AttributeValue> read(String text) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        JsonParser.parseString(text)
                .getAsJsonObject()
                .entrySet()
                .forEach(e -> item.put(e.getKey(), attribute(e.getValue())));
        return item;
    }

    private static JsonElement value(AttributeValue v) {
        JsonObject typed = new JsonObject();
        if (v.s() != null) {
            typed.addProperty("S", v.s());
        } else if (v.n() != null) {
            typed.addProperty("N", v.n());
        } else if (v.bool() != null) {
            typed.addProperty("BOOL", v.bool());
        } else if (v.hasM()) {
            JsonObject map = new JsonObject();
            v.m().forEach((k, inner) -> map.add(k, value(inner)));
            typed.add("M", map);
        } else if (v.hasL()) {
            JsonArray list = new JsonArray();
            v.l().forEach(inner -> list.add(value(inner)));
            typed.add("L", list);
        } else {
            typed.addProperty("NULL", true);
        }
        return typed;
    }

    private static AttributeValue attribute(JsonElement json) {
        JsonObject typed = json.getAsJsonObject();
        if (typed.has("S")) {
            return AttributeValue.fromS(typed.get("S").getAsString());
        }
        if (typed.has("N")) {
            return AttributeValue.fromN(typed.get("N").getAsString());
        }
        if (typed.has("BOOL")) {
            return AttributeValue.fromBool(typed.get("BOOL").getAsBoolean());
        }
        if (typed.has("M")) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            typed.getAsJsonObject("M").entrySet().forEach(e -> map.put(e.getKey(), attribute(e.getValue())));
            return AttributeValue.fromM(map);
        }
        if (typed.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            typed.getAsJsonArray("L").forEach(e -> list.add(attribute(e)));
            return AttributeValue.fromL(list);
        }
        return AttributeValue.fromNul(true);
    }
}
