package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Idempotency-Key} on POST: the first request with a key claims it in the jobs table (a
 * conditional write, so two concurrent retries cannot both run), runs, and stores its response (status,
 * body, {@code Location} and {@code ETag}) for 24 hours; a retry with the same key and body gets that
 * response again, with a different body a 422.
 *
 * <p>A request that fails on our side (DynamoDB unreachable, the function timing out) gives its claim
 * back when it can; when it cannot, the claim is a lease that a retry takes over once
 * {@link #LEASE_SECONDS} have passed, longer than the API function's 10-second timeout, so no key is
 * stuck "still running" for a day. What a request creates takes its id from the key
 * ({@link #itemId}), so a retry after a failure that came after the write finds the item instead of
 * writing a second one.
 */
public final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");
    private static final long TTL_SECONDS = 24 * 3600;
    /** How long a claim without a stored response holds: three API function timeouts. */
    static final long LEASE_SECONDS = 30;
    /** The response headers a replay repeats. */
    private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag");

    private final Store store;
    private final Clock clock;

    public Idempotency(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Response run(Request request, Supplier<Response> action) {
        Optional<String> key = key(request);
        if (key.isEmpty()) {
            return action.get();
        }
        String tenant = request.principal().tenantId();
        String id = "idempotency#" + request.method() + " " + request.path() + "#" + key.get();
        String fingerprint = fingerprint(request.body());
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> claim = new HashMap<>(Store.key(Table.JOBS, tenant, id));
        claim.put("kind", AttributeValue.fromS("idempotency"));
        claim.put("fingerprint", AttributeValue.fromS(fingerprint));
        claim.put("claimedAt", AttributeValue.fromN(String.valueOf(now)));
        claim.put("expiresAt", AttributeValue.fromN(String.valueOf(now + TTL_SECONDS)));
        long version = 1;
        if (!store.create(Table.JOBS, claim)) {
            Map<String, AttributeValue> stored = store.get(Table.JOBS, tenant, id)
                    .orElseThrow(() -> ApiException.conflict("the Idempotency-Key expired while in use; send again"));
            if (!stored.get("fingerprint").s().equals(fingerprint)) {
                throw new ApiException(
                        422,
                        "Unprocessable Entity",
                        "this Idempotency-Key was used with a different request body",
                        List.of(),
                        Map.of());
            }
            if (stored.containsKey("status")) {
                return replay(stored);
            }
            long claimedAt = stored.containsKey("claimedAt")
                    ? Long.parseLong(stored.get("claimedAt").n())
                    : now;
            if (now - claimedAt < LEASE_SECONDS) {
                throw new ApiException(
                        409,
                        "Conflict",
                        "a request with this Idempotency-Key is still running; retry in "
                                + (LEASE_SECONDS - (now - claimedAt)) + " s",
                        List.of(),
                        Map.of("Retry-After", String.valueOf(LEASE_SECONDS - (now - claimedAt))));
            }
            // The request that claimed the key ended without answering (it failed on our side): take its lease over.
            long storedVersion = Long.parseLong(stored.get(Store.VERSION).n());
            try {
                store.replace(Table.JOBS, claim, storedVersion);
            } catch (ApiException e) {
                throw ApiException.conflict("another retry with this Idempotency-Key took it over; retry shortly");
            }
            version = storedVersion + 1;
        }
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            // A refused request frees its key, so the client can fix the body and retry with it; a failure on our
            // side frees it too when DynamoDB lets us (else the lease runs out).
            release(tenant, id, version);
            throw e;
        }
        Map<String, AttributeValue> done = new HashMap<>(claim);
        done.put("status", AttributeValue.fromN(String.valueOf(response.status())));
        done.put("body", AttributeValue.fromS(response.body()));
        JsonObject headers = new JsonObject();
        REPLAYED_HEADERS.forEach(h -> {
            if (response.headers().containsKey(h)) {
                headers.addProperty(h, response.headers().get(h));
            }
        });
        done.put("headers", AttributeValue.fromS(headers.toString()));
        store.replace(Table.JOBS, done, version);
        return response;
    }

    /**
     * The id an item created under this request's key gets: its prefix and 32 hex digits of a digest of
     * tenant, route and key, so every retry of one request names the same item. Empty without a key.
     */
    public static Optional<String> itemId(Request request, String prefix) {
        return key(request)
                .map(key -> prefix + "_"
                        + sha256(request.principal().tenantId() + "\n" + request.method() + " " + request.path() + "\n"
                                        + key)
                                .substring(0, 32));
    }

    private static Optional<String> key(Request request) {
        var key = request.header("Idempotency-Key");
        if (key.isPresent() && !KEY.matcher(key.get()).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 8 to 128 letters, digits or . _ : -");
        }
        return key;
    }

    private static Response replay(Map<String, AttributeValue> stored) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Idempotent-Replayed", "true");
        if (stored.containsKey("headers")) {
            Json.object(stored.get("headers").s())
                    .entrySet()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().getAsString()));
        }
        return new Response(
                Integer.parseInt(stored.get("status").n()),
                headers,
                stored.get("body").s());
    }

    private void release(String tenant, String id, long version) {
        try {
            store.delete(Table.JOBS, tenant, id, Optional.of(version));
        } catch (RuntimeException e) {
            // The lease runs out instead.
        }
    }

    static String fingerprint(String body) {
        try {
            return sha256(body == null ? "" : Json.write(com.google.gson.JsonParser.parseString(body)));
        } catch (RuntimeException e) {
            return "unparsable:" + (body == null ? 0 : body.hashCode());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
