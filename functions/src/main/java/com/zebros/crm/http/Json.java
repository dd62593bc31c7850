package com.zebros.crm.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** JSON in and out; a body that is not a JSON object is the client's error, never a 500. */
public final class Json {
    public static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {}

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the request needs a JSON object body");
        }
        try {
            JsonElement parsed = JsonParser.parseString(body);
            if (!parsed.isJsonObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }
}
