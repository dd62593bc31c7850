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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An opportunity's way through the pipeline: each stage it entered, when, from which stage and after how long
 * there, one entry per stage change in the jobs table ({@code #stages#<id>#<version>}), written in the change's own
 * transaction. The opportunity carries {@code stageEnteredAt}, so an entry knows the time spent in the stage it
 * leaves without reading the one before, and the current stage's time is one item read. A dedicated log rather
 * than the history's entries, so that reading it never reads the edits that did not move the deal.
 */
final class StageLog {
    static final String ENTERED_AT = "stageEnteredAt";
    private static final String PREFIX = "#stages#";

    private final Store store;
    private final Clock clock;

    StageLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The entry for an opportunity written from {@code before} to {@code after} at {@code version}, when it enters a
     * stage (created, or its stage changed); {@code after} then gets its {@link #ENTERED_AT}, else keeps
     * {@code before}'s.
     */
    Optional<TransactWriteItem> entry(
            Request request,
            String id,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after,
            long version) {
        if (after.isEmpty() || !after.containsKey("stage")) {
            return Optional.empty();
        }
        String from = before.containsKey("stage") ? before.get("stage").s() : null;
        String to = after.get("stage").s();
        if (to.equals(from)) {
            Optional.ofNullable(before.get(ENTERED_AT)).ifPresent(at -> after.put(ENTERED_AT, at));
            return Optional.empty();
        }
        Instant now = clock.instant();
        after.put(ENTERED_AT, AttributeValue.fromS(now.toString()));
        Map<String, AttributeValue> entry = new HashMap<>(Store.key(
                Table.JOBS, request.principal().tenantId(), PREFIX + id + "#" + String.format("%010d", version)));
        entry.put("stage", AttributeValue.fromS(to));
        entry.put("enteredAt", AttributeValue.fromS(now.toString()));
        entry.put(
                "actor",
                AttributeValue.fromS(
                        request.principal().subject() == null
                                ? ""
                                : request.principal().subject()));
        if (from != null) {
            entry.put("from", AttributeValue.fromS(from));
            Optional.ofNullable(before.get(ENTERED_AT))
                    .ifPresent(at -> entry.put(
                            "secondsInFrom",
                            AttributeValue.fromN(String.valueOf(
                                    Duration.between(Instant.parse(at.s()), now).toSeconds()))));
        }
        return Optional.of(TransactWriteItem.builder()
                .put(Put.builder().tableName(store.name(Table.JOBS)).item(entry).build())
                .build());
    }

    /**
     * {@code GET /v1/opportunities/{id}/stages}: the current stage and how long it has been in it, and the stages it
     * entered, newest first, a page at a time. An opportunity last moved before the log existed has no
     * {@code enteredAt}.
     */
    Response list(Request request, Map<String, AttributeValue> opportunity, String id) {
        request.allowOnly(Set.of("limit", "cursor"));
        String tenant = request.principal().tenantId();
        Page page = store.query(
                Table.JOBS,
                null,
                Table.TENANT,
                tenant,
                Table.JOBS.idAttribute(),
                PREFIX + id + "#",
                true,
                Resource.limit(request),
                request.queryParameter("cursor").orElse(null),
                tenant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", opportunity.get("stage").s());
        AttributeValue entered = opportunity.get(ENTERED_AT);
        body.put("enteredAt", entered == null ? null : entered.s());
        body.put(
                "secondsInStage",
                entered == null
                        ? null
                        : Duration.between(Instant.parse(entered.s()), clock.instant())
                                .toSeconds());
        body.put("items", page.items().stream().map(StageLog::view).toList());
        body.put("nextCursor", page.nextCursor());
        return Response.json(200, body);
    }

    private static Map<String, Object> view(Map<String, AttributeValue> entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", entry.get("stage").s());
        json.put("enteredAt", entry.get("enteredAt").s());
        json.put("from", entry.containsKey("from") ? entry.get("from").s() : null);
        json.put(
                "secondsInFrom",
                entry.containsKey("secondsInFrom")
                        ? Long.parseLong(entry.get("secondsInFrom").n())
                        : null);
        json.put("actor", entry.get("actor").s());
        return json;
    }

    static void requireOpportunity(EntityType type) {
        if (type != Entities.OPPORTUNITY) {
            throw ApiException.notFound("a stage history of a " + type.name());
        }
    }
}
