package com.zebros.crm.crm;

import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Deleted items, kept {@link #RETENTION} to be restored: a delete moves the item, as stored, into the jobs table
 * under {@code #deleted#<entity>#<id>} in its own transaction, and DynamoDB's time to live removes it once
 * {@code expiresAt} has passed (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html: within
 * a few days of it; a read checks the time itself, so an expired item is never restored). Moving rather than
 * marking keeps every list, index and count exactly as a hard delete leaves it: nothing that reads the CRM's tables
 * has to know deleted items exist.
 */
public final class Trash {
    /** How long a deleted item can be restored. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private static final String PREFIX = "#deleted#";
    private static final List<EntityType> TYPES =
            List.of(Entities.CUSTOMER, Entities.CONTACT, Entities.OPPORTUNITY, Entities.ACTIVITY);

    private final Store store;
    private final Clock clock;

    Trash(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The write that keeps {@code item} (as stored, about to be deleted) for {@link #RETENTION}. */
    TransactWriteItem keep(EntityType type, Request request, String id, Map<String, AttributeValue> item) {
        Instant now = clock.instant();
        Map<String, AttributeValue> kept =
                new HashMap<>(Store.key(Table.JOBS, request.principal().tenantId(), key(type, id)));
        kept.put("entity", AttributeValue.fromS(type.name()));
        kept.put("itemId", AttributeValue.fromS(id));
        kept.put("item", AttributeValue.fromM(item));
        kept.put("deletedAt", AttributeValue.fromS(now.toString()));
        kept.put(
                "deletedBy",
                AttributeValue.fromS(
                        request.principal().subject() == null
                                ? ""
                                : request.principal().subject()));
        kept.put(
                "expiresAt",
                AttributeValue.fromN(String.valueOf(now.plus(RETENTION).getEpochSecond())));
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(store.name(Table.JOBS)).item(kept).build())
                .build();
    }

    /** The item as it was stored when deleted, if it was deleted less than {@link #RETENTION} ago. */
    Optional<Map<String, AttributeValue>> find(EntityType type, String tenant, String id) {
        return store.get(Table.JOBS, tenant, key(type, id))
                .filter(this::unexpired)
                .map(kept -> kept.get("item").m());
    }

    /** The write that takes a restored item out of the trash. */
    TransactWriteItem release(EntityType type, String tenant, String id) {
        return TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(store.name(Table.JOBS))
                        .key(Store.key(Table.JOBS, tenant, key(type, id)))
                        .build())
                .build();
    }

    /** {@code GET /v1/deleted}: the tenant's deleted items that can still be restored, by type and id, a page at a time. */
    Response list(Request request) {
        request.allowOnly(Set.of("entity", "limit", "cursor"));
        Optional<String> entity = request.queryParameter("entity");
        List<String> entities = TYPES.stream().map(EntityType::name).toList();
        if (entity.isPresent() && !entities.contains(entity.get())) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("entity", "must be one of " + entities)));
        }
        String tenant = request.principal().tenantId();
        Page page = store.query(
                Table.JOBS,
                null,
                Table.TENANT,
                tenant,
                Table.JOBS.idAttribute(),
                PREFIX + entity.map(e -> e + "#").orElse(""),
                false,
                Resource.limit(request),
                request.queryParameter("cursor").orElse(null),
                tenant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                page.items().stream().filter(this::unexpired).map(Trash::view).toList());
        body.put("nextCursor", page.nextCursor());
        return Response.json(200, body);
    }

    private static Map<String, Object> view(Map<String, AttributeValue> kept) {
        EntityType type = typeNamed(kept.get("entity").s());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entity", type.name());
        json.put("id", kept.get("itemId").s());
        json.put("deletedAt", kept.get("deletedAt").s());
        json.put("deletedBy", kept.get("deletedBy").s());
        json.put(
                "restorableUntil",
                Instant.ofEpochSecond(Long.parseLong(kept.get("expiresAt").n())).toString());
        json.put("item", Items.view(type, kept.get("item").m()));
        return json;
    }

    private boolean unexpired(Map<String, AttributeValue> kept) {
        return Long.parseLong(kept.get("expiresAt").n()) > clock.instant().getEpochSecond();
    }

    private static EntityType typeNamed(String entity) {
        return TYPES.stream()
                .filter(t -> t.name().equals(entity))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no entity " + entity));
    }

    private static String key(EntityType type, String id) {
        return PREFIX + type.name() + "#" + id;
    }
}
