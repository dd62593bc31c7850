package com.zebros.worker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.worker.local.CrmData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report worker end to end: jobs started through the API, data in DynamoDB Local, files in S3Mock. */
class ReportWorkerTest {
    private final ReportWorker worker = new ReportWorker();

    @Test
    void pipelineReportListsTheTenantsOpportunitiesStageByStageAndMarksTheJobDone() {
        String tenant = "rep-pipeline";
        String acme = CrmData.customer(tenant, "Acme");
        String big = CrmData.opportunity(tenant, acme, "Big deal", "1000", "EUR", "proposal", "2026-12-01", "owner-1");
        String small = CrmData.opportunity(
                tenant, acme, "Small, but \"urgent\"", "250.5", "USD", "prospecting", "2026-12-05", "owner-2");
        String early = CrmData.opportunity(tenant, acme, "Early", "99.99", "EUR", "proposal", "2026-11-30", "owner-1");
        String other = CrmData.customer("rep-someone-else", "Other");
        CrmData.opportunity("rep-someone-else", other, "Not ours", "5", "EUR", "proposal", "2026-12-01", "owner-9");

        String job = JobFixtures.report(tenant, "pipeline");
        assertEquals(0, JobFixtures.run(worker, job));

        JsonObject status = JobFixtures.status(tenant, "reports", job);
        assertEquals("DONE", status.get("status").getAsString());
        assertTrue(status.get("downloadUrl").getAsString().contains("reports/" + tenant + "/"), status.toString());
        JsonObject summary = status.getAsJsonObject("summary");
        assertEquals(3, summary.get("rows").getAsInt());
        assertEquals(
                "1099.99",
                summary.getAsJsonObject("stages")
                        .getAsJsonObject("proposal")
                        .getAsJsonObject("amounts")
                        .get("EUR")
                        .getAsString());

        String id = Json.object(job).get("jobId").getAsString();
        List<String> lines = List.of(
                LocalAws.gunzipped("reports/" + tenant + "/" + id + ".csv.gz").split("\r\n"));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals(String.join(",", PipelineReport.COLUMNS), lines.get(0));
        assertTrue(
                lines.get(1)
                        .startsWith("prospecting," + small + ",\"Small, but \"\"urgent\"\"\"," + acme
                                + ",owner-2,250.50,USD,2026-12-05,"),
                lines.get(1));
        assertTrue(
                lines.get(2).startsWith("proposal," + early + ",Early,"),
                "earliest close first within a stage: " + lines.get(2));
        assertTrue(
                lines.get(3).startsWith("proposal," + big + ",Big deal," + acme + ",owner-1,1000.00,EUR,2026-12-01,"),
                lines.get(3));
    }

    @Test
    void aTenantsOwnStagesAreReportedInItsOrder() {
        String tenant = "rep-own-stages";
        CrmData.stages(
                tenant,
                "{\"stages\":[{\"name\":\"lead\",\"probability\":5,\"outcome\":\"open\"},"
                        + "{\"name\":\"trial\",\"probability\":60,\"outcome\":\"open\"},"
                        + "{\"name\":\"signed\",\"probability\":100,\"outcome\":\"won\"},"
                        + "{\"name\":\"churned\",\"probability\":0,\"outcome\":\"lost\"}]}");
        String acme = CrmData.customer(tenant, "Acme");
        CrmData.opportunity(tenant, acme, "Signed", "300", "EUR", "signed", "2026-12-01", "owner-1");
        CrmData.opportunity(tenant, acme, "Trial", "200", "EUR", "trial", "2026-12-02", "owner-1");

        String job = JobFixtures.report(tenant, "pipeline");
        assertEquals(0, JobFixtures.run(worker, job));
        JsonObject summary = JobFixtures.status(tenant, "reports", job).getAsJsonObject("summary");
        assertEquals(2, summary.get("rows").getAsInt());
        assertEquals(
                List.of("lead", "trial", "signed", "churned"),
                List.copyOf(summary.getAsJsonObject("stages").keySet()));
        String id = Json.object(job).get("jobId").getAsString();
        List<String> lines = List.of(
                LocalAws.gunzipped("reports/" + tenant + "/" + id + ".csv.gz").split("\r\n"));
        assertTrue(lines.get(1).startsWith("trial,") && lines.get(2).startsWith("signed,"), lines.toString());
    }

    /**
     * The platform's JobDurationMetric turns this line into the JobSeconds metric per kind (filter
     * {@code { $.message = "job done" }}, value {@code $.seconds}, dimension {@code $.kind}): its fields are a contract.
     */
    @Test
    void aFinishedJobLogsTheLineTheJobDurationMetricReads() {
        String job = JobFixtures.report("rep-duration", "pipeline");
        var captured = new java.io.ByteArrayOutputStream();
        var stdout = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, JobFixtures.run(worker, job));
        } finally {
            System.setOut(stdout);
        }
        JsonObject done = captured.toString(java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .map(Json::object)
                .filter(line -> "job done".equals(line.get("message").getAsString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 'job done' line in " + captured));
        assertEquals("report", done.get("kind").getAsString());
        assertTrue(
                done.get("seconds").getAsJsonPrimitive().isNumber()
                        && done.get("seconds").getAsDouble() > 0,
                done.toString());
    }

    @Test
    void activitySummaryCountsActivitiesPerOwnerAndType() {
        String tenant = "rep-activities";
        String acme = CrmData.customer(tenant, "Acme");
        CrmData.activity(tenant, acme, "call", "owner-1", "2026-11-02T09:00:00Z");
        CrmData.activity(tenant, acme, "call", "owner-1", "2026-11-20T09:00:00Z");
        CrmData.activity(tenant, acme, "email", "owner-1", "2026-11-05T10:00:00Z");
        CrmData.activity(tenant, acme, "meeting", "owner-2", "2026-11-07T14:30:00Z");

        String job = JobFixtures.report(tenant, "activity-summary");
        assertEquals(0, JobFixtures.run(worker, job));

        String id = Json.object(job).get("jobId").getAsString();
        assertEquals(
                List.of(
                        "ownerId,type,count,firstAt,lastAt",
                        "owner-1,call,2,2026-11-02T09:00:00Z,2026-11-20T09:00:00Z",
                        "owner-1,email,1,2026-11-05T10:00:00Z,2026-11-05T10:00:00Z",
                        "owner-2,meeting,1,2026-11-07T14:30:00Z,2026-11-07T14:30:00Z"),
                List.of(LocalAws.gunzipped("reports/" + tenant + "/" + id + ".csv.gz")
                        .split("\r\n")));
        JsonObject summary = JobFixtures.status(tenant, "reports", job).getAsJsonObject("summary");
        assertEquals(4, summary.get("activities").getAsInt());
        assertEquals(2, summary.get("owners").getAsInt());
    }

    @Test
    void aJobDeliveredTwiceIsDoneOnce() {
        String tenant = "rep-twice";
        String job = JobFixtures.report(tenant, "pipeline");
        assertEquals(0, JobFixtures.run(worker, job));
        String firstUpdate =
                JobFixtures.status(tenant, "reports", job).get("updatedAt").getAsString();
        assertEquals(0, JobFixtures.run(worker, job));
        assertEquals(
                firstUpdate,
                JobFixtures.status(tenant, "reports", job).get("updatedAt").getAsString(),
                "the second delivery found the job done and left it alone");
    }

    @Test
    void aBadReportTypeFailsTheJobAtOnceWithTheReason() {
        String tenant = "rep-bad";
        String job = JobFixtures.report(tenant, "pipeline").replace("\"type\":\"pipeline\"", "\"type\":\"forecast\"");
        assertEquals(2, JobFixtures.run(worker, job));
        JsonObject status = JobFixtures.status(tenant, "reports", job);
        assertEquals("FAILED", status.get("status").getAsString());
        assertTrue(
                status.get("failure").getAsString().contains("forecast")
                        && status.get("failure").getAsString().contains("activity-summary"),
                status.toString());
        String id = Json.object(job).get("jobId").getAsString();
        assertFalse(LocalAws.exists("reports/" + tenant + "/" + id + ".csv.gz"), "a rejected job leaves no file");
    }

    @Test
    void jobsThatAreNotReportsOrNotInTheJobsTableAreRefused() {
        assertEquals(2, JobFixtures.run(worker, JobFixtures.export("rep-wrong-kind", "customers")));
        assertEquals(
                2,
                JobFixtures.run(
                        worker,
                        "{\"tenantId\":\"t\",\"jobId\":\"rep_nothing\",\"kind\":\"report\",\"parameters\":{\"type\":\"pipeline\"}}"));
        assertEquals(2, JobFixtures.run(worker, "{not json"));
        Map<String, String> noTables = Map.of("FILES_BUCKET", "b", "JOB", "{}");
        assertEquals(2, com.zebros.worker.WorkerMain.run(worker, new String[0], noTables));
    }
}
