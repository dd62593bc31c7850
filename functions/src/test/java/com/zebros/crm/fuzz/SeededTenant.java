package com.zebros.crm.fuzz;

import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.Api;
import java.util.List;

/**
 * A tenant with real items (a customer, a contact, an opportunity, an activity), so fuzzed requests
 * also reach the paths that find something: updates with and without versions, sub-collections.
 */
record SeededTenant(String tenant, List<String> ids) {

    static SeededTenant create(String tenant) {
        String admin = Api.token(tenant, Principal.ADMIN);
        String customer = Api.customer(tenant, "Fuzz Customer");
        String contact = id(Api.post(
                "/v1/customers/" + customer + "/contacts",
                admin,
                "{\"firstName\":\"Fay\",\"lastName\":\"Fuzz\",\"email\":\"fay@example.com\"}"));
        String opportunity = id(Api.post(
                "/v1/opportunities",
                admin,
                "{\"customerId\":\"" + customer
                        + "\",\"name\":\"Deal\",\"amount\":{\"value\":\"1200.00\",\"currency\":\"EUR\"},\"stage\":\"proposal\","
                        + "\"expectedCloseDate\":\"2027-01-31\",\"ownerId\":\"usr_0000000001\"}"));
        String activity = id(
                Api.post(
                        "/v1/activities",
                        admin,
                        "{\"customerId\":\"" + customer
                                + "\",\"type\":\"call\",\"subject\":\"Hello\",\"ownerId\":\"usr_0000000001\",\"occurredAt\":\"2026-11-30T10:00:00Z\"}"));
        return new SeededTenant(tenant, List.of(customer, contact, opportunity, activity));
    }

    private static String id(Api.Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("could not seed the fuzz tenant: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").getAsString();
    }
}
