package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.zebros.crm.cache.ItemCache;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Create, read, update, delete and list for one entity type: validation into problem documents,
 * versions and {@code If-Match}, {@code Idempotency-Key}, references to customers checked, the hot
 * item cache read through and invalidated on every write.
 */
public final class Resource {
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;

    private final EntityType type;
    private final Store store;
    private final ItemCache cache;
    private final Idempotency idempotency;
    private final Clock clock;

    public Resource(EntityType type, Store store, ItemCache cache, Clock clock) {
        this.type = type;
        this.store = store;
        this.cache = cache;
        this.idempotency = new Idempotency(store);
        this.clock = clock;
    }

    public Response create(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> {
            String tenant = request.principal().tenantId();
            Map<String, AttributeValue> item = validate(Json.object(request.body()), Map.of());
            checkReferences(tenant, item);
            String id = Items.idPrefix(type) + "_" + UUID.randomUUID().toString().replace("-", "");
            item = Items.created(type, tenant, id, item, clock.instant().toString());
            if (!store.create(type.table(), item)) {
                throw ApiException.conflict("an id collided; send the request again");
            }
            item.put(Store.VERSION, AttributeValue.fromN("1"));
            return Response.json(201, view(item), Map.of("ETag", "\"1\"",
                    "Location", request.path() + "/" + id));
        });
    }

    public Response get(Request request, String id) {
        request.allowOnly(Set.of());
        Map<String, AttributeValue> item = load(request.principal().tenantId(), id);
        return Response.json(200, view(item), Map.of("ETag", "\"" + item.get(Store.VERSION).n() + "\""));
    }

    public Response update(Request request, String id) {
        request.allowOnly(Set.of());
        long expected = ifMatch(request).orElseThrow(ApiException::preconditionRequired);
        String tenant = request.principal().tenantId();
        Map<String, AttributeValue> current = store.get(type.table(), tenant, id)
                .orElseThrow(() -> ApiException.notFound("the " + type.name() + " " + id));
        Map<String, AttributeValue> item = validate(Json.object(request.body()), current);
        checkReferences(tenant, item);
        item.putAll(Store.key(type.table(), tenant, id));
        item.put("createdAt", current.get("createdAt"));
        item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        type.deriveKeys(tenant, id, item);
        Map<String, AttributeValue> stored = store.replace(type.table(), item, expected);
        cache.invalidate(tenant, type.table(), id);
        return Response.json(200, view(stored), Map.of("ETag", "\"" + stored.get(Store.VERSION).n() + "\""));
    }

    public Response delete(Request request, String id) {
        request.allowOnly(Set.of());
        String tenant = request.principal().tenantId();
        store.delete(type.table(), tenant, id, ifMatch(request));
        cache.invalidate(tenant, type.table(), id);
        return Response.noContent();
    }

    /** One page of a partition: the base table (index null) or an index, with an optional name prefix. */
    public Response list(Request request, String index, String partitionAttribute, String partitionValue,
                         String sortAttribute, String prefix, boolean newestFirst) {
        String tenant = request.principal().tenantId();
        Page page = store.query(type.table(), index, partitionAttribute, partitionValue, sortAttribute, prefix,
                newestFirst, limit(request), request.queryParameter("cursor").orElse(null), tenant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(this::view).toList());
        body.put("nextCursor", page.nextCursor());
        return Response.json(200, body);
    }

    /** An item of this type, from the cache when it has it; 404 when there is none. */
    public Map<String, AttributeValue> load(String tenant, String id) {
        return cache.read(tenant, type.table(), id, () -> store.read(type.table(), tenant, id))
                .orElseThrow(() -> ApiException.notFound("the " + type.name() + " " + id));
    }

    private Map<String, AttributeValue> validate(JsonObject body, Map<String, AttributeValue> current) {
        return Items.validate(type, body, current);
    }

    private void checkReferences(String tenant, Map<String, AttributeValue> item) {
        if (type.table() != Table.CUSTOMERS && item.containsKey("customerId")) {
            String customer = item.get("customerId").s();
            if (store.get(Table.CUSTOMERS, tenant, customer).isEmpty()) {
                throw ApiException.invalid(List.of(new ApiException.FieldError("customerId", "no customer " + customer)));
            }
        }
    }

    static Optional<Long> ifMatch(Request request) {
        return request.header("If-Match").map(value -> {
            String trimmed = value.trim().replace("W/", "").replace("\"", "");
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("If-Match must be the ETag of the item, such as \"3\"");
            }
        });
    }

    static int limit(Request request) {
        return request.queryParameter("limit").map(value -> {
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiException.invalid(List.of(new ApiException.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
        }).orElse(DEFAULT_LIMIT);
    }

    /** The JSON a client sees: its id, its fields, version and times; never the derived keys. */
    public Map<String, Object> view(Map<String, AttributeValue> item) {
        return Items.view(type, item);
    }

    public EntityType type() {
        return type;
    }
}
