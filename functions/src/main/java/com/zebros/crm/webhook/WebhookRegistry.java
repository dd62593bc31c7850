package com.zebros.crm.webhook;

import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A tenant's webhooks and their deliveries, in the jobs table beside its other bookkeeping: {@code #webhook#<id>}
 * per endpoint, {@code #webhooks} counting them (at most {@link #MAX_PER_TENANT}, so every record change reads one
 * short key range to find its subscribers), and {@code #delivery#<webhook>#<time>#<event>} per delivery attempt,
 * kept {@link #DELIVERY_RETENTION}.
 */
public final class WebhookRegistry {
    public static final int MAX_PER_TENANT = 10;
    public static final Duration DELIVERY_RETENTION = Duration.ofDays(7);
    static final String WEBHOOK = "#webhook#";
    static final String DELIVERY = "#delivery#";
    private static final String COUNT = "#webhooks";

    private final Store store;

    public WebhookRegistry(Store store) {
        this.store = store;
    }

    /** A registered endpoint. */
    public record Webhook(
            String id, String url, List<String> events, String secret, String createdAt, String createdBy) {
        boolean wants(String eventType) {
            return events.contains("*") || events.contains(eventType);
        }
    }

    /** One delivery attempt as recorded. */
    public record Delivery(
            String eventId,
            String eventType,
            String itemId,
            int attempt,
            String outcome,
            int httpStatus,
            String detail,
            Instant at) {}

    /** Registers {@code webhook}; false when the tenant has {@link #MAX_PER_TENANT} already (counted in the same transaction). */
    public boolean add(String tenant, Webhook webhook) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.JOBS, tenant, WEBHOOK + webhook.id()));
        item.put("url", AttributeValue.fromS(webhook.url()));
        item.put(
                "events",
                AttributeValue.fromL(
                        webhook.events().stream().map(AttributeValue::fromS).toList()));
        item.put("secret", AttributeValue.fromS(webhook.secret()));
        item.put("createdAt", AttributeValue.fromS(webhook.createdAt()));
        item.put("createdBy", AttributeValue.fromS(webhook.createdBy()));
        try {
            store.transactWrite(List.of(
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(store.name(Table.JOBS))
                                    .key(Store.key(Table.JOBS, tenant, COUNT))
                                    .updateExpression("ADD #n :one")
                                    .conditionExpression("attribute_not_exists(#n) OR #n < :max")
                                    .expressionAttributeNames(Map.of("#n", "webhooks"))
                                    .expressionAttributeValues(Map.of(
                                            ":one",
                                            AttributeValue.fromN("1"),
                                            ":max",
                                            AttributeValue.fromN(String.valueOf(MAX_PER_TENANT))))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(store.name(Table.JOBS))
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(jobId)")
                                    .build())
                            .build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons()
                    && "ConditionalCheckFailed"
                            .equals(e.cancellationReasons().get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    /** Removes a webhook; false when there is none with that id. */
    public boolean remove(String tenant, String id) {
        try {
            store.transactWrite(List.of(
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(store.name(Table.JOBS))
                                    .key(Store.key(Table.JOBS, tenant, WEBHOOK + id))
                                    .conditionExpression("attribute_exists(jobId)")
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(store.name(Table.JOBS))
                                    .key(Store.key(Table.JOBS, tenant, COUNT))
                                    .updateExpression("ADD #n :minus")
                                    .expressionAttributeNames(Map.of("#n", "webhooks"))
                                    .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1")))
                                    .build())
                            .build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons()
                    && "ConditionalCheckFailed"
                            .equals(e.cancellationReasons().get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Webhook> find(String tenant, String id) {
        return store.get(Table.JOBS, tenant, WEBHOOK + id).map(WebhookRegistry::webhook);
    }

    /** Every webhook of the tenant: one query of at most {@link #MAX_PER_TENANT} items. */
    public List<Webhook> all(String tenant) {
        var response = store.client()
                .query(QueryRequest.builder()
                        .tableName(store.name(Table.JOBS))
                        .consistentRead(true)
                        .keyConditionExpression("#t = :t AND begins_with(#k, :p)")
                        .expressionAttributeNames(Map.of("#t", Table.TENANT, "#k", Table.JOBS.idAttribute()))
                        .expressionAttributeValues(
                                Map.of(":t", AttributeValue.fromS(tenant), ":p", AttributeValue.fromS(WEBHOOK)))
                        .build());
        return response.items().stream().map(WebhookRegistry::webhook).toList();
    }

    /** Records one attempt to deliver to {@code webhookId}. */
    public void record(String tenant, String webhookId, Delivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(
                Table.JOBS,
                tenant,
                DELIVERY + webhookId + "#" + delivery.at() + "#" + delivery.eventId() + "#" + delivery.attempt()));
        item.put("eventId", AttributeValue.fromS(delivery.eventId()));
        item.put("eventType", AttributeValue.fromS(delivery.eventType()));
        item.put("itemId", AttributeValue.fromS(delivery.itemId()));
        item.put("attempt", AttributeValue.fromN(String.valueOf(delivery.attempt())));
        item.put("outcome", AttributeValue.fromS(delivery.outcome()));
        item.put("httpStatus", AttributeValue.fromN(String.valueOf(delivery.httpStatus())));
        item.put("detail", AttributeValue.fromS(delivery.detail()));
        item.put("at", AttributeValue.fromS(delivery.at().toString()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(
                        String.valueOf(delivery.at().plus(DELIVERY_RETENTION).getEpochSecond())));
        store.client().putItem(b -> b.tableName(store.name(Table.JOBS)).item(item));
    }

    static Delivery delivery(Map<String, AttributeValue> item) {
        return new Delivery(
                item.get("eventId").s(),
                item.get("eventType").s(),
                item.get("itemId").s(),
                Integer.parseInt(item.get("attempt").n()),
                item.get("outcome").s(),
                Integer.parseInt(item.get("httpStatus").n()),
                item.get("detail").s(),
                Instant.parse(item.get("at").s()));
    }

    private static Webhook webhook(Map<String, AttributeValue> item) {
        List<String> events = new ArrayList<>();
        item.get("events").l().forEach(e -> events.add(e.s()));
        return new Webhook(
                item.get("jobId").s().substring(WEBHOOK.length()),
                item.get("url").s(),
                events,
                item.get("secret").s(),
                item.get("createdAt").s(),
                item.get("createdBy").s());
    }
}
