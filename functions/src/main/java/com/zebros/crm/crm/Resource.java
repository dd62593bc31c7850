package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.zebros.crm.cache.ItemCache;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.AlongsideRefused;
import com.zebros.crm.store.KeyRange;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Reference;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
    private final History history;
    private final Trash trash;
    private final StageLog stages;
    private final Optional<UniqueClaims> claims;
    private final Clock clock;

    public Resource(EntityType type, Store store, ItemCache cache, Clock clock) {
        this.type = type;
        this.store = store;
        this.cache = cache;
        this.idempotency = new Idempotency(store, clock);
        this.history = new History(store, clock);
        this.trash = new Trash(store, clock);
        this.stages = new StageLog(store, clock);
        this.claims = UniqueClaims.of(store, type);
        this.clock = clock;
    }

    public Response create(Request request) {
        request.allowOnly(Set.of());
        return idempotency.run(request, () -> createNow(request));
    }

    /**
     * Creates the item of {@code request}'s body; with an {@code Idempotency-Key} its id comes from the key and
     * the path, so a retry finds the item an earlier attempt wrote. {@link #create} runs this under the key's claim;
     * a batch under the batch's own.
     */
    Response createNow(Request request) {
        Prepared create = prepareCreate(request);
        Map<String, AttributeValue> item = create.item();
        if (!created(item, create.references(), create.alongside())) {
            if (!create.keyed()) {
                throw ApiException.conflict("an id collided; send the request again");
            }
            // An earlier attempt under this key wrote the item and failed before it could answer: answer now.
            item = sameRequestsItem(request.principal().tenantId(), create.id(), create.fields());
        } else {
            item.put(Store.VERSION, AttributeValue.fromN("1"));
        }
        return createdResponse(item);
    }

    /**
     * A create ready to write: its validated fields, the item, what it refers to and what it writes alongside
     * (history, claim, totals); {@code keyed} when its id comes from an Idempotency-Key.
     */
    record Prepared(
            String id,
            Map<String, AttributeValue> fields,
            Map<String, AttributeValue> item,
            List<Reference> references,
            List<TransactWriteItem> alongside,
            boolean keyed) {}

    /** Everything a create writes, validated and built, nothing written yet: for a single create or an atomic batch. */
    Prepared prepareCreate(Request request) {
        String tenant = request.principal().tenantId();
        Map<String, AttributeValue> fields = validate(tenant, Json.object(request.body()), Map.of());
        Optional<String> keyed = Idempotency.itemId(request, Items.idPrefix(type));
        String id = keyed.orElseGet(
                () -> Items.idPrefix(type) + "_" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, AttributeValue> item =
                Items.created(type, tenant, id, fields, clock.instant().toString());
        return new Prepared(
                id,
                fields,
                item,
                references(item, Map.of()),
                alongside(request, id, Map.of(), item, 1),
                keyed.isPresent());
    }

    /** The 201 of a created item (its version set). */
    Response createdResponse(Map<String, AttributeValue> item) {
        String id = item.get(type.table().idAttribute()).s();
        return Response.json(
                201, view(item), Map.of("ETag", "\"" + item.get(Store.VERSION).n() + "\"", "Location", location(id)));
    }

    /** Where an item lives: its own route, whichever route created it (a contact is created under its customer). */
    public String location(String id) {
        return "/v1/" + type.table().id() + "/" + id;
    }

    /** The item an earlier attempt of this request created, if its fields are the ones this request sends. */
    private Map<String, AttributeValue> sameRequestsItem(String tenant, String id, Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> stored = store.get(type.table(), tenant, id)
                .orElseThrow(() -> ApiException.conflict(
                        "the item this Idempotency-Key created was deleted since; send the request with a new key"));
        for (Field field : type.fields()) {
            if (!java.util.Objects.equals(stored.get(field.name()), fields.get(field.name()))
                    && Long.parseLong(stored.get(Store.VERSION).n()) == 1) {
                throw new ApiException(
                        422,
                        "Unprocessable Entity",
                        "this Idempotency-Key created an item from a different request body",
                        List.of(),
                        Map.of());
            }
        }
        return stored;
    }

    public Response get(Request request, String id) {
        request.allowOnly(Set.of());
        Map<String, AttributeValue> item = load(request.principal().tenantId(), id);
        return Response.json(
                200, view(item), Map.of("ETag", "\"" + item.get(Store.VERSION).n() + "\""));
    }

    /** {@code PUT}: the body replaces the item; a field it leaves out is removed. */
    public Response update(Request request, String id) {
        JsonObject body = Json.object(request.body());
        return write(request, id, current -> body);
    }

    /**
     * {@code PATCH}: the body is a JSON Merge Patch of the item as a {@code GET} shows it; only the fields it
     * names change. It needs {@code If-Match} as a {@code PUT} does, and the write is conditional on that version, so
     * a patch is never applied to a version its sender did not see.
     */
    public Response patch(Request request, String id) {
        MergePatch.requireMediaType(request);
        JsonObject patch = Json.object(request.body());
        return write(request, id, current -> patched(current, patch));
    }

    /**
     * A merge patch applied to the item as it is now, for a batch's update or upsert that names no version: read,
     * patched and written on the condition that it is still at the version read; read again (three times at most)
     * when another write came between.
     */
    Response patchLatest(Request request, String id, JsonObject patch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(request, id, OptionalLong.empty(), current -> patched(current, patch));
            } catch (ApiException e) {
                if (e.status() != 412 || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private JsonObject patched(Map<String, AttributeValue> current, JsonObject patch) {
        JsonObject document = Json.GSON.toJsonTree(view(current)).getAsJsonObject();
        List.of("id", "version", "createdAt", "updatedAt").forEach(document::remove);
        return MergePatch.apply(document, patch).getAsJsonObject();
    }

    /** The item that holds {@code value} of this type's unique field now, if any. */
    Optional<String> holderOf(String tenant, String value) {
        return claims.flatMap(c -> c.holder(tenant, value));
    }

    Optional<String> uniqueField() {
        return claims.map(UniqueClaims::field);
    }

    /** Replaces the item at the version {@code If-Match} names with the fields {@code body} makes of it. */
    private Response write(
            Request request, String id, java.util.function.Function<Map<String, AttributeValue>, JsonObject> body) {
        request.allowOnly(Set.of());
        return write(
                request, id, OptionalLong.of(ifMatch(request).orElseThrow(ApiException::preconditionRequired)), body);
    }

    /** Replaces the item at {@code ifMatch}'s version (none: the version read) with the fields {@code body} makes of it. */
    private Response write(
            Request request,
            String id,
            OptionalLong ifMatch,
            java.util.function.Function<Map<String, AttributeValue>, JsonObject> body) {
        Update update = prepareUpdate(request, id, ifMatch, body);
        Map<String, AttributeValue> stored;
        try {
            stored = store.replace(
                    type.table(), update.item(), update.expected(), update.references(), update.alongside());
        } catch (AlongsideRefused e) {
            throw duplicate(update.item(), e);
        }
        cache.invalidate(request.principal().tenantId(), type.table(), id);
        return Response.json(
                200,
                view(stored),
                Map.of("ETag", "\"" + stored.get(Store.VERSION).n() + "\""));
    }

    /**
     * An update ready to write: the item as it will be stored (its version not yet moved on), the version it
     * replaces ({@code expected}: If-Match's, else the one read), the version read ({@code current}), what it refers
     * to and what it writes alongside (history, claim, totals).
     */
    record Update(
            String id,
            Map<String, AttributeValue> item,
            long expected,
            long current,
            List<Reference> references,
            List<TransactWriteItem> alongside) {}

    /** Everything an update writes, validated and built from the item as stored now, nothing written yet. */
    Update prepareUpdate(
            Request request,
            String id,
            OptionalLong ifMatch,
            java.util.function.Function<Map<String, AttributeValue>, JsonObject> body) {
        String tenant = request.principal().tenantId();
        Map<String, AttributeValue> current = store.get(type.table(), tenant, id)
                .orElseThrow(() -> ApiException.notFound("the " + type.name() + " " + id));
        long read = Long.parseLong(current.get(Store.VERSION).n());
        long expected = ifMatch.orElse(read);
        Map<String, AttributeValue> item = validate(tenant, body.apply(current), current);
        item.putAll(Store.key(type.table(), tenant, id));
        item.put("createdAt", current.get("createdAt"));
        item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        type.deriveKeys(tenant, id, item);
        return new Update(
                id,
                item,
                expected,
                read,
                references(item, current),
                alongside(request, id, current, item, expected + 1));
    }

    /** The merge patch of a batch record, as {@link #patch} applies it, for {@link #prepareUpdate}. */
    java.util.function.Function<Map<String, AttributeValue>, JsonObject> mergePatch(JsonObject patch) {
        return current -> patched(current, patch);
    }

    public Response delete(Request request, String id) {
        request.allowOnly(Set.of());
        deleteRead(request, id, ifMatch(request));
        cache.invalidate(request.principal().tenantId(), type.table(), id);
        return Response.noContent();
    }

    /**
     * Deletes an item read first, at the version read, together with its history entry, its copy in the trash, its
     * share of any totals and its unique value's claim. Without If-Match a concurrent change is read again (three times at most); with it, a version other
     * than the stored one is a 412 as for any delete.
     */
    private void deleteRead(Request request, String id, Optional<Long> ifMatch) {
        String tenant = request.principal().tenantId();
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> current = store.get(type.table(), tenant, id)
                    .orElseThrow(
                            () -> ApiException.notFound("the " + type.table().id() + " item"));
            long version = Long.parseLong(current.get(Store.VERSION).n());
            if (ifMatch.isPresent() && ifMatch.get() != version) {
                throw ApiException.preconditionFailed(version);
            }
            try {
                List<TransactWriteItem> alongside =
                        alongside(request, id, current, Map.of(), version + 1, History.Action.DELETED);
                alongside.add(trash.keep(type, request, id, current));
                store.delete(type.table(), tenant, id, Optional.of(version), alongside);
                return;
            } catch (ApiException e) {
                if (e.status() != 412 || ifMatch.isPresent() || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** A restored opportunity's stage must still be one of its tenant's (PipelineStages). */
    private void checkStage(String tenant, Map<String, AttributeValue> item) {
        if (type == Entities.OPPORTUNITY) {
            PipelineStages.require(
                    PipelineStages.read(store, tenant),
                    "stage",
                    item.get("stage").s());
        }
    }

    private boolean created(
            Map<String, AttributeValue> item, List<Reference> references, List<TransactWriteItem> alongside) {
        try {
            return store.create(type.table(), item, references, alongside);
        } catch (AlongsideRefused e) {
            throw duplicate(item, e);
        }
    }

    /**
     * The answer when another item holds {@code item}'s unique value (the only alongside write with a condition
     * is a uniqueness claim): 409 naming the field, with the holder's location to update it instead.
     */
    private ApiException duplicate(Map<String, AttributeValue> item, AlongsideRefused refused) {
        String field = claims.orElseThrow(() -> new IllegalStateException("refused without a claim", refused))
                .field();
        Optional<String> holder = UniqueClaims.holderOf(refused.found());
        return new ApiException(
                409,
                "Conflict",
                "another " + type.name() + " has the " + field + " "
                        + item.get(field).s()
                        + holder.map(h -> " (" + location(h) + ")").orElse("")
                        + ": change that one, or send this as an upsert to its batch route",
                List.of(new ApiException.FieldError(field, "is another " + type.name() + "'s; it must be unique")),
                holder.map(h -> Map.of("Location", location(h))).orElse(Map.of()));
    }

    /** What a write from {@code before} to {@code after} changes besides the item: its type's totals, its history, its unique value's claim. */
    private List<TransactWriteItem> alongside(
            Request request,
            String id,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after,
            long version) {
        return alongside(
                request,
                id,
                before,
                after,
                version,
                before.isEmpty() ? History.Action.CREATED : History.Action.UPDATED);
    }

    private List<TransactWriteItem> alongside(
            Request request,
            String id,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after,
            long version,
            History.Action action) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>(
                type.alongside(store, request.principal().tenantId(), before, after));
        if (type == Entities.OPPORTUNITY && action != History.Action.RESTORED) {
            stages.entry(request, id, before, after, version).ifPresent(writes::add);
        }
        writes.add(history.entry(type, request, id, before, after, version, action));
        claims.ifPresent(c -> writes.addAll(c.change(request.principal().tenantId(), id, before, after)));
        return writes;
    }

    /**
     * {@code POST .../{id}/restore}: a deleted item back from the trash, as it was, at the version after its delete's
     * (an ETag read before the delete is stale), in one transaction with its history entry, its share of the totals,
     * its unique value's claim (409 if another item took the value meanwhile) and its references (400 naming a
     * customer, contact or opportunity deleted since: restore that first).
     */
    public Response restore(Request request, String id) {
        request.allowOnly(Set.of());
        String tenant = request.principal().tenantId();
        Map<String, AttributeValue> item = new java.util.HashMap<>(trash.find(type, tenant, id)
                .orElseThrow(() -> ApiException.notFound(
                        "a " + type.name() + " " + id + " deleted in the last " + Trash.RETENTION.toDays() + " days")));
        checkStage(tenant, item);
        long version = Long.parseLong(item.get(Store.VERSION).n()) + 2;
        item.put(Store.VERSION, AttributeValue.fromN(String.valueOf(version)));
        item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        type.deriveKeys(tenant, id, item);
        List<TransactWriteItem> alongside = alongside(request, id, Map.of(), item, version, History.Action.RESTORED);
        alongside.add(trash.release(type, tenant, id));
        if (!created(item, references(item, Map.of()), alongside)) {
            throw ApiException.conflict("the " + type.name() + " " + id + " exists: it was restored already");
        }
        cache.invalidate(tenant, type.table(), id);
        return Response.json(200, view(item), Map.of("ETag", "\"" + version + "\"", "Location", location(id)));
    }

    /** {@code GET /v1/opportunities/{id}/stages}: its current stage, since when, and the stages it went through. */
    public Response stages(Request request, String id) {
        StageLog.requireOpportunity(type);
        return stages.list(request, load(request.principal().tenantId(), id), id);
    }

    /** {@code GET .../{id}/history}: who changed the item, when, and what. */
    public Response history(Request request, String id) {
        return history.list(request, id);
    }

    /** One page of the keys of {@code range} in a partition of the base table (index null) or an index. */
    Response list(
            Request request,
            String index,
            String partitionAttribute,
            String partitionValue,
            String sortAttribute,
            KeyRange range,
            boolean descending) {
        String tenant = request.principal().tenantId();
        Page page = store.query(
                type.table(),
                index,
                partitionAttribute,
                partitionValue,
                sortAttribute,
                range,
                descending,
                limit(request),
                request.queryParameter("cursor").orElse(null),
                tenant);
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

    /**
     * The body's fields, or every problem at once as an invalid-request error; an opportunity's stage, when it is set
     * or changed, is checked against its tenant's stages too (one more read), in the same problem document.
     */
    private Map<String, AttributeValue> validate(String tenant, JsonObject body, Map<String, AttributeValue> current) {
        List<ApiException.FieldError> stageErrors =
                type == Entities.OPPORTUNITY ? PipelineStages.problems(store, tenant, body, current) : List.of();
        Map<String, AttributeValue> item;
        try {
            item = Items.validate(type, body, current);
        } catch (ApiException e) {
            if (stageErrors.isEmpty() || e.errors().isEmpty()) {
                throw e;
            }
            List<ApiException.FieldError> all = new java.util.ArrayList<>(e.errors());
            all.addAll(stageErrors);
            throw ApiException.invalid(all);
        }
        if (!stageErrors.isEmpty()) {
            throw ApiException.invalid(stageErrors);
        }
        return item;
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

    private static void addIfChanged(
            List<Reference> references,
            Map<String, AttributeValue> item,
            Map<String, AttributeValue> current,
            String field,
            String noun,
            Table table,
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

    public static int limit(Request request) {
        return limit(request, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The request's {@code limit}, from 1 to {@code most}; {@code otherwise} without one. */
    static int limit(Request request, int otherwise, int most) {
        return request.queryParameter("limit")
                .map(value -> {
                    try {
                        int limit = Integer.parseInt(value);
                        if (limit >= 1 && limit <= most) {
                            return limit;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw ApiException.invalid(
                            List.of(new ApiException.FieldError("limit", "must be a whole number from 1 to " + most)));
                })
                .orElse(otherwise);
    }

    /** The JSON a client sees: its id, its fields, version and times; never the derived keys. */
    public Map<String, Object> view(Map<String, AttributeValue> item) {
        return Items.view(type, item);
    }

    public EntityType type() {
        return type;
    }

    Store store() {
        return store;
    }
}
