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
 * The opaque {@code cursor} of a listing: DynamoDB's last evaluated key and the listing it came from
 * (table, index, partition, name prefix, order: its scope, as a digest), base64url-encoded. A cursor
 * that does not decode, names other attributes, belongs to another tenant or to another listing (a
 * customer's contacts' cursor sent to another customer's, a search's to another search) is a 400, so
 * a client can neither crash a listing nor page into someone else's items. DynamoDB itself refuses a
 * start key outside the query's key condition with a ValidationException, which was a 500.
 */
public final class Cursor {
    private Cursor() {}

    /** The attribute of a cursor that holds its listing's scope; no key attribute of the CRM has this name. */
    private static final String SCOPE = "@scope";

    public static String encode(Map<String, AttributeValue> lastKey, String scope) {
        JsonObject json = new JsonObject();
        lastKey.forEach((k, v) -> json.addProperty(k, v.s()));
        json.addProperty(SCOPE, digest(scope));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(
            String cursor, Set<String> keyAttributes, String tenantId, String scope) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (!json.has(SCOPE) || !digest(scope).equals(json.remove(SCOPE).getAsString())) {
                throw ApiException.badRequest("the cursor belongs to another listing; page this one from its start");
            }
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

    /** 16 bytes of SHA-256: the scope is checked, not read back, and a cursor stays short. */
    private static String digest(String scope) {
        try {
            byte[] hash =
                    java.security.MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("the cursor is not one this listing handed out; start again without it");
    }
}
