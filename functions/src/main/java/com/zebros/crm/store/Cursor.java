package com.zebros.crm.store;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code cursor} of a listing: DynamoDB's last evaluated key, base64url-encoded. A cursor
 * that does not decode, names other attributes, or belongs to another tenant is a 400, so a client
 * can neither crash a listing nor page into someone else's items.
 */
public final class Cursor {
    private Cursor() {
    }

    public static String encode(Map<String, AttributeValue> lastKey) {
        JsonObject json = new JsonObject();
        lastKey.forEach((k, v) -> json.addProperty(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes, String tenantId) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (!json.keySet().equals(keyAttributes)) {
                throw invalid();
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String name : json.keySet()) {
                String value = json.get(name).getAsString();
                if (name.startsWith("tenant") && !(value.equals(tenantId) || value.startsWith(tenantId + "#"))) {
                    throw invalid();
                }
                key.put(name, AttributeValue.fromS(value));
            }
            return key;
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("the cursor is not one this listing handed out; start again without it");
    }
}
