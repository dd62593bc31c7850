package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.patch;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tasks with status, due date and assignee; "my open tasks" soonest due first, from a sparse index. */
class TasksTest {
    private final String tenant = "tasks-" + UUID.randomUUID();
    private final String token = admin(tenant);
    private final String me = "user-of-" + tenant;

    private String task(String customer, String subject, String assignee, String due) {
        var reply = post(
                "/v1/activities",
                token,
                "{\"customerId\":\"" + customer + "\",\"type\":\"task\",\"subject\":\""
                        + subject + "\",\"ownerId\":\"owner-1\",\"assigneeId\":\"" + assignee + "\""
                        + (due == null ? ",\"occurredAt\":\"2026-12-01T09:00:00Z\"" : ",\"dueAt\":\"" + due + "\"")
                        + "}");
        assertEquals(201, reply.status(), reply.body());
        assertEquals("open", reply.json().get("status").getAsString(), "a task created without a status is open");
        return reply.json().get("id").getAsString();
    }

    private List<String> subjects(String query, String as) {
        List<String> subjects = new ArrayList<>();
        var reply = get("/v1/tasks" + query, as);
        assertEquals(200, reply.status(), reply.body());
        reply.json()
                .getAsJsonArray("items")
                .forEach(i -> subjects.add(i.getAsJsonObject().get("subject").getAsString()));
        return subjects;
    }

    @Test
    void myOpenTasksAreListedSoonestDueFirstAndLeaveTheListWhenDone() {
        String customer = Api.customer(tenant, "Tasks Inc");
        task(customer, "Later", me, "2027-01-20T09:00:00Z");
        String soon = task(customer, "Soon", me, "2027-01-05T09:00:00Z");
        task(customer, "Undated", me, null);
        task(customer, "Someone else's", "colleague-1", "2027-01-01T09:00:00Z");
        assertEquals(List.of("Soon", "Later", "Undated"), subjects("", token));
        assertEquals(List.of("Someone else's"), subjects("?assignee=colleague-1", token));

        var done = patch("/v1/activities/" + soon, token, "{\"status\":\"done\"}", "If-Match", "\"1\"");
        assertEquals(200, done.status(), done.body());
        assertEquals(List.of("Later", "Undated"), subjects("", token), "a done task leaves the list with its write");
        assertEquals(
                200,
                patch(
                                "/v1/activities/" + soon,
                                token,
                                "{\"status\":\"open\",\"dueAt\":\"2027-02-01T09:00:00Z\"}",
                                "If-Match",
                                "\"2\"")
                        .status());
        assertEquals(List.of("Later", "Soon", "Undated"), subjects("", token), "reopened, at its new due date");
        assertEquals(
                200,
                patch("/v1/activities/" + soon, token, "{\"assigneeId\":\"colleague-1\"}", "If-Match", "\"3\"")
                        .status());
        assertEquals(List.of("Someone else's", "Soon"), subjects("?assignee=colleague-1", token), "reassigned");
        assertEquals(List.of("Later"), subjects("?limit=1", token), "paged like every list");
    }

    @Test
    void onlyATaskHasAStatusOrAssigneeAndStatusesAreChecked() {
        String customer = Api.customer(tenant, "Checks Ltd");
        var call = post(
                "/v1/activities",
                token,
                "{\"customerId\":\"" + customer + "\",\"type\":\"call\",\"subject\":\"Call\","
                        + "\"occurredAt\":\"2026-12-01T09:00:00Z\",\"ownerId\":\"o\",\"status\":\"open\",\"assigneeId\":\"me\"}");
        assertEquals(400, call.status());
        assertTrue(
                call.body().contains("only a task has a status")
                        && call.body().contains("only a task has a assigneeId"),
                call.body());
        var bad = post(
                "/v1/activities",
                token,
                "{\"customerId\":\"" + customer + "\",\"type\":\"task\",\"subject\":\"T\","
                        + "\"dueAt\":\"2026-12-01T09:00:00Z\",\"ownerId\":\"o\",\"status\":\"maybe\"}");
        assertEquals(400, bad.status());
        assertEquals(400, get("/v1/tasks?assignee=" + "x".repeat(65), token).status());
        assertEquals(400, get("/v1/tasks?owner=me", token).status());
    }

    @Test
    void anotherTenantsTasksAreNotListedAndReadOnlyUsersReadTheirs() {
        String customer = Api.customer(tenant, "Private Tasks");
        task(customer, "Mine", "shared-user", "2027-01-05T09:00:00Z");
        String other = "other-" + UUID.randomUUID();
        assertEquals(List.of(), subjects("?assignee=shared-user", admin(other)));
        assertEquals(List.of("Mine"), subjects("?assignee=shared-user", token(tenant, Principal.READ_ONLY)));
        JsonObject anyTask = get("/v1/tasks?assignee=shared-user", token)
                .json()
                .getAsJsonArray("items")
                .get(0)
                .getAsJsonObject();
        assertTrue(!anyTask.has("tenantAssignee") && !anyTask.has("dueKey"), "index keys are never shown: " + anyTask);
    }
}
