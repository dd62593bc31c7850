package com.zebros.crm.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/webhooks}: a tenant registers https endpoints for record events ({@code contact.updated},
 * {@code opportunity.deleted}, ... or {@code *}), gets each one's signing secret once, at registration, and reads
 * each one's last deliveries. Registering and removing need crm-manager or crm-admin.
 */
public final class WebhooksApi {
    /** The events a webhook can ask for: every entity's every change. */
    public static final List<String> EVENT_TYPES = eventTypes();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRegistry registry;
    private final WebhookTarget target;
    private final Store store;
    private final Clock clock;

    public WebhooksApi(Store store, WebhookTarget target, Clock clock) {
        this.registry = new WebhookRegistry(store);
        this.target = target;
        this.store = store;
        this.clock = clock;
    }

    private static List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        for (String entity : List.of("customer", "contact", "opportunity", "activity")) {
            for (String action : List.of("created", "updated", "deleted", "restored")) {
                types.add(entity + "." + action);
            }
        }
        return List.copyOf(types);
    }

    public Response register(Request request) {
        request.allowOnly(Set.of());
        JsonObject body = Json.object(request.body());
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (String name : body.keySet()) {
            if (!Set.of("url", "events").contains(name)) {
                errors.add(new ApiException.FieldError(name, "is not a field of a webhook"));
            }
        }
        JsonElement url = body.get("url");
        if (url == null || !url.isJsonPrimitive()) {
            errors.add(new ApiException.FieldError("url", "is required: the https address deliveries go to"));
        } else {
            target.problem(url.getAsString()).ifPresent(p -> errors.add(new ApiException.FieldError("url", p)));
        }
        List<String> events = events(body.get("events"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String tenant = request.principal().tenantId();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] idBytes = new byte[16];
        RANDOM.nextBytes(idBytes);
        var webhook = new WebhookRegistry.Webhook(
                "whk_" + HexFormat.of().formatHex(idBytes),
                url.getAsString(),
                events,
                secret,
                clock.instant().toString(),
                request.principal().subject() == null ? "" : request.principal().subject());
        if (!registry.add(tenant, webhook)) {
            throw ApiException.conflict(
                    "a tenant has at most " + WebhookRegistry.MAX_PER_TENANT + " webhooks; remove one first");
        }
        Map<String, Object> json = view(webhook);
        json.put("secret", secret);
        return Response.json(201, json, Map.of("Location", "/v1/webhooks/" + webhook.id()));
    }

    public Response list(Request request) {
        request.allowOnly(Set.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                registry.all(request.principal().tenantId()).stream()
                        .map(WebhooksApi::view)
                        .toList());
        return Response.json(200, body);
    }

    public Response get(Request request, String id) {
        request.allowOnly(Set.of());
        return Response.json(
                200,
                view(registry.find(request.principal().tenantId(), id)
                        .orElseThrow(() -> ApiException.notFound("the webhook " + id))));
    }

    public Response remove(Request request, String id) {
        request.allowOnly(Set.of());
        if (!registry.remove(request.principal().tenantId(), id)) {
            throw ApiException.notFound("the webhook " + id);
        }
        return Response.noContent();
    }

    /** The webhook's delivery attempts, newest first, a page at a time; kept seven days. */
    public Response deliveries(Request request, String id) {
        request.allowOnly(Set.of("limit", "cursor"));
        String tenant = request.principal().tenantId();
        registry.find(tenant, id).orElseThrow(() -> ApiException.notFound("the webhook " + id));
        Page page = store.query(
                Table.JOBS,
                null,
                Table.TENANT,
                tenant,
                Table.JOBS.idAttribute(),
                WebhookRegistry.DELIVERY + id + "#",
                true,
                com.zebros.crm.crm.Resource.limit(request),
                request.queryParameter("cursor").orElse(null),
                tenant);
        List<Map<String, Object>> items = new ArrayList<>();
        for (var item : page.items()) {
            var delivery = WebhookRegistry.delivery(item);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("eventId", delivery.eventId());
            json.put("eventType", delivery.eventType());
            json.put("itemId", delivery.itemId());
            json.put("attempt", delivery.attempt());
            json.put("outcome", delivery.outcome());
            json.put("httpStatus", delivery.httpStatus());
            json.put("detail", delivery.detail());
            json.put("at", delivery.at().toString());
            items.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", page.nextCursor());
        return Response.json(200, body);
    }

    private static List<String> events(JsonElement value, List<ApiException.FieldError> errors) {
        List<String> events = new ArrayList<>();
        if (value == null
                || !value.isJsonArray()
                || value.getAsJsonArray().isEmpty()
                || value.getAsJsonArray().size() > 20) {
            errors.add(new ApiException.FieldError("events", "must be 1 to 20 of " + EVENT_TYPES + " or \"*\""));
            return events;
        }
        for (JsonElement e : value.getAsJsonArray()) {
            if (!e.isJsonPrimitive()
                    || !(EVENT_TYPES.contains(e.getAsString())
                            || e.getAsString().equals("*"))) {
                errors.add(new ApiException.FieldError("events", "must be 1 to 20 of " + EVENT_TYPES + " or \"*\""));
                return events;
            }
            events.add(e.getAsString());
        }
        return events;
    }

    private static Map<String, Object> view(WebhookRegistry.Webhook webhook) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", webhook.id());
        json.put("url", webhook.url());
        json.put("events", webhook.events());
        json.put("createdAt", webhook.createdAt());
        json.put("createdBy", webhook.createdBy());
        return json;
    }
}
