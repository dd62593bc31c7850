package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.obs.MemoryUse;
import com.zebros.crm.store.Store;
import com.zebros.crm.webhook.WebhookDelivery;
import com.zebros.crm.webhook.WebhookEvents;
import com.zebros.crm.webhook.WebhookRegistry;
import com.zebros.crm.webhook.WebhookTarget;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The webhooks function, on two event sources: the jobs table's stream, whose history entries it turns into
 * events on the delivery queue ({@link WebhookEvents}), and that FIFO queue, whose messages it delivers
 * ({@link WebhookDelivery}). Which one called is the records' {@code eventSource}. Both answer with the records
 * that failed (ReportBatchItemFailures): for the stream, the first failed record (Lambda retries from it); for
 * the FIFO queue, the first failed message and every one after it, which AWS asks of a FIFO consumer so no
 * message overtakes one of its group (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 * A failed delivery's message is made visible again only after {@link WebhookDelivery#backoff}; after the
 * queue's last receive it moves to the dead-letter queue.
 */
public final class WebhooksHandler implements RequestStreamHandler {
    private final WebhookEvents events;
    private final WebhookDelivery delivery;
    private final SqsClient sqs;
    private final String queueUrl;

    public WebhooksHandler() {
        this(System.getenv());
    }

    public WebhooksHandler(Map<String, String> env) {
        this.sqs = BoundedClients.sqs(env);
        this.queueUrl = env.get("WEBHOOK_QUEUE_URL");
        WebhookRegistry registry = new WebhookRegistry(new Store(BoundedClients.dynamo(env), Store.namesFrom(env)));
        WebhookTarget target = new WebhookTarget("true".equals(env.get(WebhookTarget.ALLOW_PRIVATE)));
        this.events = new WebhookEvents(registry, sqs, queueUrl);
        this.delivery = new WebhookDelivery(registry, target, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        JsonObject event = JsonParser.parseReader(new InputStreamReader(input, StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonArray records = event.has("Records") ? event.getAsJsonArray("Records") : new JsonArray();
        String source = records.isEmpty()
                ? ""
                : records.get(0).getAsJsonObject().get("eventSource").getAsString();
        List<String> failed = source.equals("aws:sqs") ? deliver(records) : fanOut(records);
        JsonArray failures = new JsonArray();
        failed.forEach(id -> {
            JsonObject failure = new JsonObject();
            failure.addProperty("itemIdentifier", id);
            failures.add(failure);
        });
        JsonObject response = new JsonObject();
        response.add("batchItemFailures", failures);
        output.write(response.toString().getBytes(StandardCharsets.UTF_8));
        MemoryUse.LAMBDA.record(System.out);
    }

    private List<String> fanOut(JsonArray records) {
        for (JsonElement element : records) {
            JsonObject record = element.getAsJsonObject();
            JsonObject change = record.getAsJsonObject("dynamodb");
            try {
                if ("INSERT".equals(record.get("eventName").getAsString()) && change.has("NewImage")) {
                    WebhookEvents.of(change.getAsJsonObject("NewImage")).ifPresent(events::fanOut);
                }
            } catch (RuntimeException e) {
                System.out.println("{\"message\":\"webhook fan-out failed\",\"error\":\""
                        + e.getClass().getSimpleName() + "\"}");
                return List.of(change.get("SequenceNumber").getAsString());
            }
        }
        return List.of();
    }

    private List<String> deliver(JsonArray records) {
        List<String> failed = new ArrayList<>();
        for (JsonElement element : records) {
            JsonObject message = element.getAsJsonObject();
            String id = message.get("messageId").getAsString();
            if (!failed.isEmpty()) {
                failed.add(id);
                continue;
            }
            int attempt = Integer.parseInt(message.getAsJsonObject("attributes")
                    .get("ApproximateReceiveCount")
                    .getAsString());
            WebhookDelivery.Outcome outcome;
            try {
                outcome = delivery.deliver(message.get("body").getAsString(), attempt);
            } catch (RuntimeException e) {
                outcome = WebhookDelivery.Outcome.FAILED;
            }
            if (outcome == WebhookDelivery.Outcome.FAILED) {
                failed.add(id);
                wait(message.get("receiptHandle").getAsString(), attempt);
            }
        }
        return failed;
    }

    /** Keeps a failed message out of sight for its backoff; if that fails, the queue's visibility timeout applies. */
    private void wait(String receiptHandle, int attempt) {
        try {
            sqs.changeMessageVisibility(
                    b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout((int)
                            WebhookDelivery.backoff(attempt).toSeconds()));
        } catch (RuntimeException e) {
            System.out.println("{\"message\":\"could not delay a failed delivery\",\"error\":\""
                    + e.getClass().getSimpleName() + "\"}");
        }
    }
}
