package com.zebros.crm.crm;

import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Idempotency-Key} on POST: the first request with a key claims it in the jobs table (a
 * conditional write, so two concurrent retries cannot both run), runs, and stores its response for 24
 * hours; a retry with the same key and body gets that response again, with a different body a 422.
 */
public final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");
    private static final long TTL_SECONDS = 24 * 3600;

    private final Store store;

    public Idempotency(Store store) {
        this.store = store;
    }

    public Response run(Request request, Supplier<Response> action) {
        var key = request.header("Idempotency-Key");
        if (key.isEmpty()) {
            return action.get();
        }
        if (!KEY.matcher(key.get()).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 8 to 128 letters, digits or . _ : -");
        }
        String tenant = request.principal().tenantId();
        String id = "idempotency#" + request.method() + " " + request.path() + "#" + key.get();
        String fingerprint = fingerprint(request.body());
        Map<String, AttributeValue> claim = new HashMap<>(Store.key(Table.JOBS, tenant, id));
        claim.put("kind", AttributeValue.fromS("idempotency"));
        claim.put("fingerprint", AttributeValue.fromS(fingerprint));
        claim.put("expiresAt", AttributeValue.fromN(String.valueOf(Instant.now().getEpochSecond() + TTL_SECONDS)));
        if (!store.create(Table.JOBS, claim)) {
            Map<String, AttributeValue> stored = store.get(Table.JOBS, tenant, id).orElseThrow(() ->
                    ApiException.conflict("the Idempotency-Key expired while in use; send again"));
            if (!stored.get("fingerprint").s().equals(fingerprint)) {
                throw new ApiException(422, "Unprocessable Entity",
                        "this Idempotency-Key was used with a different request body", java.util.List.of(), Map.of());
            }
            if (!stored.containsKey("status")) {
                throw ApiException.conflict("a request with this Idempotency-Key is still running; retry shortly");
            }
            return new Response(Integer.parseInt(stored.get("status").n()),
                    Map.of("Content-Type", "application/json", "Idempotent-Replayed", "true"), stored.get("body").s());
        }
        Response response;
        try {
            response = action.get();
        } catch (ApiException e) {
            // A refused request frees its key, so the client can fix the body and retry with it.
            store.delete(Table.JOBS, tenant, id, java.util.Optional.empty());
            throw e;
        }
        Map<String, AttributeValue> done = new HashMap<>(claim);
        done.put("status", AttributeValue.fromN(String.valueOf(response.status())));
        done.put("body", AttributeValue.fromS(response.body()));
        store.replace(Table.JOBS, done, 1);
        return response;
    }

    static String fingerprint(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (body == null ? "" : Json.write(com.google.gson.JsonParser.parseString(body))).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (RuntimeException e) {
            return "unparsable:" + (body == null ? 0 : body.hashCode());
        }
    }
}
