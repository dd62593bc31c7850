package com.zebros.crm.webhook;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivers one queued event to its webhook: checks the address again (it may resolve elsewhere since it was
 * registered), signs the body with the webhook's secret and the time ({@link WebhookSignature}), POSTs it with
 * a 10-second budget and no redirects (a redirect could lead to an address the check would refuse), and records
 * the attempt. A 2xx is delivered; anything else fails and the queue tries again later ({@link #backoff}).
 */
public final class WebhookDelivery {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The longest a failed delivery waits before its next attempt. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final WebhookRegistry registry;
    private final WebhookTarget target;
    private final HttpClient http;
    private final Clock clock;

    public WebhookDelivery(WebhookRegistry registry, WebhookTarget target, Clock clock) {
        this.registry = registry;
        this.target = target;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What became of one attempt. */
    public enum Outcome {
        DELIVERED,
        FAILED,
        DROPPED
    }

    /** Attempt {@code attempt} (1 for the first) of delivering the queued {@code message}. */
    public Outcome deliver(String message, int attempt) {
        JsonObject queued = JsonParser.parseString(message).getAsJsonObject();
        String tenant = queued.get("tenantId").getAsString();
        JsonObject event = queued.getAsJsonObject("event");
        Optional<WebhookRegistry.Webhook> webhook =
                registry.find(tenant, queued.get("webhookId").getAsString());
        if (webhook.isEmpty()) {
            return Outcome.DROPPED;
        }
        String eventId = event.get("id").getAsString();
        String type = event.get("type").getAsString();
        String itemId = event.getAsJsonObject("data").get("id").getAsString();
        Instant now = clock.instant();
        Optional<String> refusal = target.refusal(webhook.get().url());
        if (refusal.isPresent()) {
            registry.record(
                    tenant,
                    webhook.get().id(),
                    new WebhookRegistry.Delivery(eventId, type, itemId, attempt, "refused", 0, refusal.get(), now));
            return Outcome.FAILED;
        }
        String body = event.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.get().url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Zebros-Webhooks/1")
                .header("Zebros-Event-Id", eventId)
                .header("Zebros-Event-Type", type)
                .header("Zebros-Delivery-Attempt", String.valueOf(attempt))
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(webhook.get().secret(), body, now))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status = 0;
        String detail;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            detail = "HTTP " + status;
        } catch (IOException e) {
            detail = "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        }
        boolean delivered = status >= 200 && status < 300;
        registry.record(
                tenant,
                webhook.get().id(),
                new WebhookRegistry.Delivery(
                        eventId, type, itemId, attempt, delivered ? "delivered" : "failed", status, detail, now));
        return delivered ? Outcome.DELIVERED : Outcome.FAILED;
    }

    /** How long attempt {@code attempt} waits after failing: 10 s, doubling, at most {@link #LONGEST_WAIT}. */
    public static Duration backoff(int attempt) {
        long seconds = 10L << Math.min(Math.max(attempt - 1, 0), 16);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }
}
