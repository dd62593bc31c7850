package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.local.Api;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reports, imports, exports and analyses: 202 and a job, its status, and a time-limited link when done. */
class JobsApiTest {
    private final String tenant = "jobs-" + UUID.randomUUID();
    private final String token = admin(tenant);

    @Test
    void aReportIsAcceptedQueuedAndWhenDoneHandsOutAnExpiringLink() {
        var started = post("/v1/reports", token, "{\"type\":\"pipeline\"}");
        assertEquals(202, started.status(), started.body());
        String id = started.json().get("id").getAsString();
        assertTrue(id.startsWith("rep_"));
        assertEquals("QUEUED", started.json().get("status").getAsString());
        assertEquals("/v1/reports/" + id, started.header("Location"));
        assertEquals(
                "QUEUED", get("/v1/reports/" + id, token).json().get("status").getAsString());

        // The report worker's part: the job item is marked done with its file.
        Store store =
                new Store(Api.server().dynamo().client(), Api.server().dynamo().names());
        var job = new HashMap<>(store.get(Table.JOBS, tenant, id).orElseThrow());
        job.put("status", AttributeValue.fromS("DONE"));
        job.put("resultKey", AttributeValue.fromS("reports/" + tenant + "/" + id + ".csv.gz"));
        store.replace(Table.JOBS, job, 1);

        var done = get("/v1/reports/" + id, token).json();
        String link = done.get("downloadUrl").getAsString();
        assertTrue(link.contains("reports/" + tenant + "/" + id + ".csv.gz"), link);
        assertTrue(link.contains("X-Amz-Expires=900"), "the link expires after 15 minutes: " + link);
    }

    @Test
    void anAnalysisTakesNoParametersAndIsAnAnalyticsJob() {
        var started = post("/v1/analyses", token, null);
        assertEquals(202, started.status(), started.body());
        String id = started.json().get("id").getAsString();
        assertTrue(id.matches("ana_[0-9a-f]{32}"), id);
        assertEquals("analytics", started.json().get("kind").getAsString());
        assertEquals("/v1/analyses/" + id, started.header("Location"));
        assertEquals(
                "QUEUED", get("/v1/analyses/" + id, token).json().get("status").getAsString());
        assertEquals(202, post("/v1/analyses", token, "{}").status());
        var refused = post("/v1/analyses", token, "{\"since\":\"2026-01-01\"}");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("since"), refused.body());
        assertEquals(404, get("/v1/reports/" + id, token).status(), "an analysis is not a report");
    }

    @Test
    void anImportHandsOutAnUploadLinkAndStartsWhenTold() {
        var created = post("/v1/imports", token, "{\"entity\":\"customers\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").getAsString();
        assertEquals("AWAITING_UPLOAD", created.json().get("status").getAsString());
        assertTrue(created.json().get("uploadUrl").getAsString().contains("imports/" + tenant + "/" + id + ".csv"));
        var started = post("/v1/imports/" + id, token, null);
        assertEquals(202, started.status(), started.body());
        assertEquals("QUEUED", started.json().get("status").getAsString());
        assertEquals(409, post("/v1/imports/" + id, token, null).status(), "an import starts once");
        var parameters = created.json().getAsJsonObject("parameters");
        assertEquals("create", parameters.get("mode").getAsString(), "an import creates unless told to upsert");
        assertEquals(
                "user-of-" + tenant, parameters.get("requestedBy").getAsString(), "its rows are written as its user");

        var upsert = post("/v1/imports", token, "{\"entity\":\"contacts\",\"mode\":\"upsert\"}");
        assertEquals(
                "upsert",
                upsert.json().getAsJsonObject("parameters").get("mode").getAsString(),
                upsert.body());
        var bad = post("/v1/imports", token, "{\"entity\":\"contacts\",\"mode\":\"merge\"}");
        assertEquals(400, bad.status());
        assertEquals(
                "mode",
                bad.json()
                        .getAsJsonArray("errors")
                        .get(0)
                        .getAsJsonObject()
                        .get("field")
                        .getAsString(),
                bad.body());
    }

    @Test
    void exportsAreQueuedAndJobsOfAnotherKindOrTenantAreNotFound() {
        var export = post("/v1/exports", token, "{\"entity\":\"contacts\"}");
        assertEquals(202, export.status(), export.body());
        String id = export.json().get("id").getAsString();
        assertEquals(200, get("/v1/exports/" + id, token).status());
        assertEquals(404, get("/v1/reports/" + id, token).status(), "an export is not a report");
        assertEquals(404, get("/v1/exports/" + id, admin("someone-else")).status());
        assertEquals(400, post("/v1/reports", token, "{\"type\":\"horoscope\"}").status());
        assertEquals(
                400,
                post("/v1/exports", token, "{\"entity\":\"customers\",\"extra\":1}")
                        .status());
    }
}
