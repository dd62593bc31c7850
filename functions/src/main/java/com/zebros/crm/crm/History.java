package com.zebros.crm.crm;

import com.google.gson.JsonParser;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Who changed what: one entry per write of an item (created, updated, deleted), with the user, the time and
 * each changed field's old and new value, written in the write's own transaction, so there is no change
 * without its entry and no entry without its change. Entries live in the jobs table beside the tenant's other
 * bookkeeping items, keyed {@code #history#<item id>#<version>}: one item's history is one key range of the
 * tenant's partition, read newest first a page at a time, and it outlives the item it describes.
 */
public final class History {
    private static final String PREFIX = "#history#";

    private final Store store;
    private final Clock clock;

    public History(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What happened to the item. */
    public enum Action {
        CREATED,
        UPDATED,
        DELETED,
        RESTORED
    }

    /**
     * The entry for a write of {@code type}'s item {@code id} from {@code before} (empty for a create) to
     * {@code after} (empty for a delete); {@code version} is the version the write makes (a delete's is the
     * deleted version's next), so entries sort in the order of the writes and none overwrites another.
     */
    public TransactWriteItem entry(
            EntityType type,
            Request request,
            String id,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after,
            long version) {
        Action action = before.isEmpty() ? Action.CREATED : after.isEmpty() ? Action.DELETED : Action.UPDATED;
        return entry(type, request, id, before, after, version, action);
    }

    /** {@link #entry} with the action named: a restore writes the item from nothing, as a create does. */
    public TransactWriteItem entry(
            EntityType type,
            Request request,
            String id,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after,
            long version,
            Action action) {
        String tenant = request.principal().tenantId();
        Map<String, AttributeValue> changes = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            Object old = field.write(before);
            Object now = field.write(after);
            if (!Objects.equals(old, now)) {
                Map<String, AttributeValue> change = new HashMap<>();
                if (old != null) {
                    change.put("old", AttributeValue.fromS(Json.write(old)));
                }
                if (now != null) {
                    change.put("new", AttributeValue.fromS(Json.write(now)));
                }
                changes.put(field.name(), AttributeValue.fromM(change));
            }
        }
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.JOBS, tenant, key(id, version)));
        item.put("entity", AttributeValue.fromS(type.name()));
        item.put("itemId", AttributeValue.fromS(id));
        item.put(Store.VERSION, AttributeValue.fromN(String.valueOf(version)));
        item.put("action", AttributeValue.fromS(action.name().toLowerCase(java.util.Locale.ROOT)));
        item.put("at", AttributeValue.fromS(clock.instant().toString()));
        item.put(
                "actor",
                AttributeValue.fromS(
                        request.principal().subject() == null
                                ? ""
                                : request.principal().subject()));
        item.put("requestId", AttributeValue.fromS(request.requestId() == null ? "" : request.requestId()));
        item.put("changes", AttributeValue.fromM(changes));
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(store.name(Table.JOBS)).item(item).build())
                .build();
    }

    /** {@code GET .../{id}/history}: the item's entries, newest first; 404 when it never existed in this tenant. */
    public Response list(Request request, String id) {
        request.allowOnly(Set.of("limit", "cursor"));
        String tenant = request.principal().tenantId();
        String cursor = request.queryParameter("cursor").orElse(null);
        Page page = store.query(
                Table.JOBS,
                null,
                Table.TENANT,
                tenant,
                Table.JOBS.idAttribute(),
                PREFIX + id + "#",
                true,
                Resource.limit(request),
                cursor,
                tenant);
        if (page.items().isEmpty() && cursor == null) {
            throw ApiException.notFound("a history of " + id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(History::view).toList());
        body.put("nextCursor", page.nextCursor());
        return Response.json(200, body);
    }

    private static Map<String, Object> view(Map<String, AttributeValue> entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", Long.parseLong(entry.get(Store.VERSION).n()));
        json.put("action", entry.get("action").s());
        json.put("at", entry.get("at").s());
        json.put("actor", entry.get("actor").s());
        Map<String, Object> changes = new LinkedHashMap<>();
        entry.get("changes").m().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(change -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("old", parsed(change.getValue().m().get("old")));
                    values.put("new", parsed(change.getValue().m().get("new")));
                    changes.put(change.getKey(), values);
                });
        json.put("changes", changes);
        return json;
    }

    private static Object parsed(AttributeValue json) {
        return json == null ? null : JsonParser.parseString(json.s());
    }

    /** The key of an item's entry at {@code version}: zero-padded, so key order is version order. */
    static String key(String id, long version) {
        return PREFIX + id + "#" + String.format("%010d", version);
    }
}
