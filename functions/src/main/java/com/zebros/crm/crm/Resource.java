package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.zebros.crm.cache.ItemCache;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Reference;
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
        this.idempotency = new Idempotency(store, clock);
        this.clock = clock;
    }

    public Response create(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> {
            String tenant = request.principal().tenantId();
            Map<String, AttributeValue> fields = validate(Json.object(request.body()), Map.of());
            Optional<String> keyed = Idempotency.itemId(request, Items.idPrefix(type));
            String id = keyed.orElseGet(() -> Items.idPrefix(type) + "_" + UUID.randomUUID().toString().replace("-", ""));
            Map<String, AttributeValue> item = Items.created(type, tenant, id, fields, clock.instant().toString());
            if (!store.create(type.table(), item, references(item, Map.of()), type.alongside(store, tenant, Map.of(), item))) {
                if (keyed.isEmpty()) {
                    throw ApiException.conflict("an id collided; send the request again");
                }
                // An earlier attempt under this key wrote the item and failed before it could answer: answer now.
                item = sameRequestsItem(tenant, id, fields);
            } else {
                item.put(Store.VERSION, AttributeValue.fromN("1"));
            }
            return Response.json(201, view(item), Map.of("ETag", "\"" + item.get(Store.VERSION).n() + "\"",
                    "Location", location(id)));
        });
    }

    /** Where an item lives: its own route, whichever route created it (a contact is created under its customer). */
    public String location(String id) {
        return "/v1/" + type.table().id() + "/" + id;
    }

    /** The item an earlier attempt of this request created, if its fields are the ones this request sends. */
    private Map<String, AttributeValue> sameRequestsItem(String tenant, String id, Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> stored = store.get(type.table(), tenant, id).orElseThrow(() -> ApiException.conflict(
                "the item this Idempotency-Key created was deleted since; send the request with a new key"));
        for (Field field : type.fields()) {
            if (!java.util.Objects.equals(stored.get(field.name()), fields.get(field.name()))
                    && Long.parseLong(stored.get(Store.VERSION).n()) == 1) {
                throw new ApiException(422, "Unprocessable Entity",
                        "this Idempotency-Key created an item from a different request body", List.of(), Map.of());
            }
        }
        return stored;
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
        item.putAll(Store.key(type.table(), tenant, id));
        item.put("createdAt", current.get("createdAt"));
        item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        type.deriveKeys(tenant, id, item);
        Map<String, AttributeValue> stored = store.replace(type.table(), item, expected, references(item, current),
                type.alongside(store, tenant, current, item));
        cache.invalidate(tenant, type.table(), id);
        return Response.json(200, view(stored), Map.of("ETag", "\"" + stored.get(Store.VERSION).n() + "\""));
    }

    public Response delete(Request request, String id) {
        request.allowOnly(Set.of());
        String tenant = request.principal().tenantId();
        if (type.keepsTotals()) {
            deleteCounted(tenant, id, ifMatch(request));
        } else {
            store.delete(type.table(), tenant, id, ifMatch(request));
        }
        cache.invalidate(tenant, type.table(), id);
        return Response.noContent();
    }

    /**
     * Deletes an item that is in its tenant's totals: read, then deleted at the version read together with its
     * share of the totals. Without If-Match a concurrent change is read again (three times at most); with it, a
     * version other than the stored one is a 412 as for any delete.
     */
    private void deleteCounted(String tenant, String id, Optional<Long> ifMatch) {
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> current = store.get(type.table(), tenant, id)
                    .orElseThrow(() -> ApiException.notFound("the " + type.table().id() + " item"));
            long version = Long.parseLong(current.get(Store.VERSION).n());
            if (ifMatch.isPresent() && ifMatch.get() != version) {
                throw ApiException.preconditionFailed(version);
            }
            try {
                store.delete(type.table(), tenant, id, Optional.of(version), type.alongside(store, tenant, current, Map.of()));
                return;
            } catch (ApiException e) {
                if (e.status() != 412 || ifMatch.isPresent() || attempt == 2) {
                    throw e;
                }
            }
        }
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

    /**
     * What {@code item} refers to that must hold when it is written: its customer, and an activity's contact
     * and opportunity, which must be that customer's own. An update checks only the references it changes, so
     * an item whose contact was deleted since stays editable.
     */
    private List<Reference> references(Map<String, AttributeValue> item, Map<String, AttributeValue> current) {
        List<Reference> references = new java.util.ArrayList<>();
        if (type.table() == Table.CUSTOMERS || !item.containsKey("customerId")) {
            return references;
        }
        String customer = item.get("customerId").s();
        if (current.isEmpty()) {
            references.add(new Reference("customerId", "customer", Table.CUSTOMERS, customer, null));
        }
        if (type.table() == Table.ACTIVITIES) {
            addIfChanged(references, item, current, "contactId", "contact", Table.CONTACTS, customer);
            addIfChanged(references, item, current, "opportunityId", "opportunity", Table.OPPORTUNITIES, customer);
        }
        return references;
    }

    private static void addIfChanged(List<Reference> references, Map<String, AttributeValue> item,
                                     Map<String, AttributeValue> current, String field, String noun, Table table,
                                     String customer) {
        if (item.containsKey(field) && !item.get(field).equals(current.get(field))) {
            references.add(new Reference(field, noun, table, item.get(field).s(), customer));
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
