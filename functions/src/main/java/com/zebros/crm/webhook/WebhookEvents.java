package com.zebros.crm.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Record events from the jobs table's stream: every change of a CRM item writes a history entry in its own
 * transaction, so the entries' inserts on the stream are the changes, exactly once each and in each item's
 * order. Each becomes an event ({@code contact.updated} with the changed fields' old and new values), sent to
 * the delivery queue once per webhook of the tenant that asked for it. The queue is FIFO with one message
 * group per webhook and item, so one endpoint gets one item's events in the order they happened while other
 * items' go on; the event id is the deduplication id, so a stream batch retried within five minutes sends
 * nothing twice (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html).
 */
public final class WebhookEvents {
    private final WebhookRegistry registry;
    private final SqsClient sqs;
    private final String queueUrl;

    public WebhookEvents(WebhookRegistry registry, SqsClient sqs, String queueUrl) {
        this.registry = registry;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** An event and the tenant it belongs to. */
    public record Event(String tenantId, String itemId, JsonObject json) {
        String id() {
            return json.get("id").getAsString();
        }

        String type() {
            return json.get("type").getAsString();
        }
    }

    /**
     * The event a stream record's new image describes, if it is a history entry ({@code #history#...} inserted);
     * {@code newImage} in DynamoDB's JSON form, as the stream delivers it.
     */
    public static Optional<Event> of(JsonObject newImage) {
        String key = string(newImage, "jobId");
        if (key == null || !key.startsWith("#history#") || string(newImage, "entity") == null) {
            return Optional.empty();
        }
        String tenant = string(newImage, "tenantId");
        String item = string(newImage, "itemId");
        long version =
                Long.parseLong(newImage.getAsJsonObject("version").get("N").getAsString());
        JsonObject changes = new JsonObject();
        newImage.getAsJsonObject("changes").getAsJsonObject("M").entrySet().forEach(change -> {
            JsonObject values = change.getValue().getAsJsonObject().getAsJsonObject("M");
            JsonObject pair = new JsonObject();
            pair.add("old", parsed(values, "old"));
            pair.add("new", parsed(values, "new"));
            changes.add(change.getKey(), pair);
        });
        JsonObject data = new JsonObject();
        data.addProperty("entity", string(newImage, "entity"));
        data.addProperty("id", item);
        data.addProperty("version", version);
        data.addProperty("actor", string(newImage, "actor"));
        data.add("changes", changes);
        JsonObject event = new JsonObject();
        event.addProperty(
                "id", "evt_" + sha256(tenant + "\n" + item + "\n" + version).substring(0, 32));
        event.addProperty("type", string(newImage, "entity") + "." + string(newImage, "action"));
        event.addProperty("occurredAt", string(newImage, "at"));
        event.addProperty("tenantId", tenant);
        event.add("data", data);
        return Optional.of(new Event(tenant, item, event));
    }

    /** Sends {@code event} to the queue once for each of its tenant's webhooks that asked for its type; how many. */
    public int fanOut(Event event) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (WebhookRegistry.Webhook webhook : registry.all(event.tenantId())) {
            if (!webhook.wants(event.type())) {
                continue;
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("tenantId", event.tenantId());
            message.put("webhookId", webhook.id());
            message.put("event", event.json());
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(String.valueOf(entries.size()))
                    .messageBody(Json.write(message))
                    .messageGroupId(webhook.id() + ":" + event.itemId())
                    .messageDeduplicationId(webhook.id() + ":" + event.id())
                    .build());
        }
        if (!entries.isEmpty()) {
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "the delivery queue refused " + response.failed().size() + " message(s): "
                                + response.failed().get(0).message());
            }
        }
        return entries.size();
    }

    private static String string(JsonObject image, String name) {
        JsonObject value = image.getAsJsonObject(name);
        return value == null || !value.has("S") ? null : value.get("S").getAsString();
    }

    private static JsonElement parsed(JsonObject values, String name) {
        String json = string(values, name);
        return json == null ? com.google.gson.JsonNull.INSTANCE : JsonParser.parseString(json);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
