package com.zebros.crm.crm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396, https://www.rfc-editor.org/rfc/rfc7396#section-2): a member set to null
 * removes the field, an object merges into the object it replaces member by member (an amount's
 * currency alone can change), anything else replaces the value. The patched document is validated as
 * a whole, as a {@code PUT} body would be, so a patch cannot leave an item a {@code PUT} would refuse.
 */
public final class MergePatch {
    /** The media type RFC 7396 registers (section 4); plain JSON is taken as the same document. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}

    /** {@code target} with {@code patch} applied, as RFC 7396's MergePatch(Target, Patch) defines it. */
    public static JsonElement apply(JsonElement target, JsonElement patch) {
        if (!patch.isJsonObject()) {
            return patch.deepCopy();
        }
        JsonObject result = target != null && target.isJsonObject()
                ? target.getAsJsonObject().deepCopy()
                : new JsonObject();
        for (Map.Entry<String, JsonElement> member : patch.getAsJsonObject().entrySet()) {
            if (member.getValue().isJsonNull()) {
                result.remove(member.getKey());
            } else {
                result.add(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * Refuses a body sent as another patch format (a JSON Patch, RFC 6902, is an array of operations and
     * would mean something else): 415 with {@code Accept-Patch}, as RFC 5789 section 3.1 asks.
     */
    public static void requireMediaType(Request request) {
        request.header("Content-Type").ifPresent(value -> {
            String type = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.equals(MEDIA_TYPE) && !type.equals("application/json")) {
                throw new ApiException(
                        415,
                        "Unsupported Media Type",
                        "PATCH takes a JSON Merge Patch (" + MEDIA_TYPE + ", RFC 7396), not " + type,
                        List.of(),
                        Map.of("Accept-Patch", MEDIA_TYPE));
            }
        });
    }
}
