package com.zebros.worker.local;

import com.zebros.crm.http.Json;
import com.zebros.crm.local.Api;
import java.util.Map;

/** CRM items created through the real API, for tests that check what a worker makes of them. */
public final class CrmData {
    private CrmData() {}

    public static String customer(String tenant, String name) {
        return created("/v1/customers", tenant, Json.write(Map.of("name", name, "email", "info@example.com")));
    }

    public static String opportunity(
            String tenant,
            String customer,
            String name,
            String amount,
            String currency,
            String stage,
            String close,
            String owner) {
        return created(
                "/v1/opportunities",
                tenant,
                Json.write(Map.of(
                        "customerId",
                        customer,
                        "name",
                        name,
                        "amount",
                        Map.of("value", amount, "currency", currency),
                        "stage",
                        stage,
                        "expectedCloseDate",
                        close,
                        "ownerId",
                        owner)));
    }

    public static String activity(String tenant, String customer, String type, String owner, String occurredAt) {
        return created(
                "/v1/activities",
                tenant,
                Json.write(Map.of(
                        "customerId",
                        customer,
                        "type",
                        type,
                        "subject",
                        type + " with the customer",
                        "ownerId",
                        owner,
                        "occurredAt",
                        occurredAt)));
    }

    /** Sets the tenant's pipeline stages (PUT /v1/pipeline/stages) from the default: {@code stages} as the API takes them. */
    public static void stages(String tenant, String stages) {
        Api.Reply reply = Api.put("/v1/pipeline/stages", Api.admin(tenant), stages, "If-Match", "\"0\"");
        if (reply.status() != 200) {
            throw new IllegalStateException("the API refused the stages " + stages + ": " + reply.body());
        }
    }

    private static String created(String path, String tenant, String body) {
        Api.Reply reply = Api.post(path, Api.admin(tenant), body);
        if (reply.status() != 201) {
            throw new IllegalStateException("the API refused " + body + ": " + reply.body());
        }
        return reply.json().get("id").getAsString();
    }
}
