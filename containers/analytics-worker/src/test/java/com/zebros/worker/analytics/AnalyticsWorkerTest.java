package com.zebros.worker.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.crm.local.Api;
import com.zebros.worker.local.CrmData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The analytics worker end to end: an analysis started through the API, its JSON read back from S3Mock. */
class AnalyticsWorkerTest {

    @Test
    void winRateCycleTimeAndActivityForTheTenantAndEachOwner() {
        String tenant = "ana-tenant";
        String acme = CrmData.customer(tenant, "Acme");
        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
        String won10 = CrmData.opportunity(
                tenant,
                acme,
                "Won fast",
                "100",
                "EUR",
                "closed-won",
                today.plusDays(10).toString(),
                "owner-1");
        CrmData.opportunity(
                tenant,
                acme,
                "Won slow",
                "100",
                "EUR",
                "closed-won",
                today.plusDays(30).toString(),
                "owner-1");
        CrmData.opportunity(tenant, acme, "Lost one", "100", "EUR", "closed-lost", today.toString(), "owner-1");
        CrmData.opportunity(tenant, acme, "Lost two", "100", "EUR", "closed-lost", today.toString(), "owner-2");
        CrmData.opportunity(tenant, acme, "Open", "100", "EUR", "proposal", today.toString(), "owner-2");
        CrmData.activity(tenant, acme, "call", "owner-1", "2026-11-02T09:00:00Z");
        CrmData.activity(tenant, acme, "call", "owner-1", "2026-11-03T09:00:00Z");
        CrmData.activity(tenant, acme, "email", "owner-3", "2026-11-04T09:00:00Z");
        String createdDay = Api.get("/v1/opportunities/" + won10, Api.admin(tenant))
                .json()
                .get("createdAt")
                .getAsString()
                .substring(0, 10);
        int fast = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(createdDay), today.plusDays(10));

        String job = JobFixtures.analytics(tenant);
        assertEquals(0, JobFixtures.run(new AnalyticsWorker(), job));

        String id = Json.object(job).get("jobId").getAsString();
        JsonObject analysis = Json.object(
                new String(LocalAws.get("analytics/" + tenant + "/" + id + ".json"), StandardCharsets.UTF_8));
        assertEquals(tenant, analysis.get("tenantId").getAsString());
        assertEquals(5, analysis.get("opportunities").getAsInt());
        JsonObject winRate = analysis.getAsJsonObject("winRate");
        assertEquals(2, winRate.get("won").getAsInt());
        assertEquals(2, winRate.get("lost").getAsInt());
        assertEquals(0.5, winRate.get("rate").getAsDouble());
        JsonObject cycle = analysis.getAsJsonObject("cycleTime");
        assertEquals(2, cycle.get("count").getAsInt());
        assertEquals(fast, cycle.get("medianDays").getAsInt());
        assertEquals(fast + 20, cycle.get("p90Days").getAsInt());
        assertEquals(fast + 10.0, cycle.get("meanDays").getAsDouble());
        assertEquals(3, analysis.getAsJsonObject("activity").get("total").getAsInt());

        JsonArray owners = analysis.getAsJsonArray("owners");
        assertEquals(3, owners.size());
        JsonObject first = owners.get(0).getAsJsonObject();
        assertEquals("owner-1", first.get("ownerId").getAsString());
        assertEquals(0.6667, first.getAsJsonObject("winRate").get("rate").getAsDouble());
        assertEquals(
                2,
                first.getAsJsonObject("activity")
                        .getAsJsonObject("byType")
                        .get("call")
                        .getAsInt());
        JsonObject third = owners.get(2).getAsJsonObject();
        assertEquals("owner-3", third.get("ownerId").getAsString());
        assertTrue(third.getAsJsonObject("winRate").get("rate").isJsonNull(), "no closed deals: no win rate");
        assertEquals(
                1,
                third.getAsJsonObject("activity")
                        .getAsJsonObject("byType")
                        .get("email")
                        .getAsInt());

        JsonObject status = JobFixtures.status(tenant, "analyses", job);
        assertEquals("DONE", status.get("status").getAsString());
        assertEquals(3, status.getAsJsonObject("summary").get("owners").getAsInt());
        assertTrue(status.get("downloadUrl").getAsString().contains("analytics/" + tenant + "/" + id + ".json"));
    }

    @Test
    void aTenantsOwnWonAndLostStagesDecideItsWinRate() {
        String tenant = "ana-own-stages";
        CrmData.stages(
                tenant,
                "{\"stages\":[{\"name\":\"trial\",\"probability\":60,\"outcome\":\"open\"},"
                        + "{\"name\":\"signed\",\"probability\":100,\"outcome\":\"won\"},"
                        + "{\"name\":\"churned\",\"probability\":0,\"outcome\":\"lost\"},"
                        + "{\"name\":\"no-budget\",\"probability\":0,\"outcome\":\"lost\"}]}");
        String acme = CrmData.customer(tenant, "Acme");
        String close = LocalDate.now(ZoneOffset.UTC).toString();
        CrmData.opportunity(tenant, acme, "Signed", "100", "EUR", "signed", close, "owner-1");
        CrmData.opportunity(tenant, acme, "Churned", "100", "EUR", "churned", close, "owner-1");
        CrmData.opportunity(tenant, acme, "No budget", "100", "EUR", "no-budget", close, "owner-1");
        CrmData.opportunity(tenant, acme, "Trial", "100", "EUR", "trial", close, "owner-1");
        String job = JobFixtures.analytics(tenant);
        assertEquals(0, JobFixtures.run(new AnalyticsWorker(), job));
        String id = Json.object(job).get("jobId").getAsString();
        JsonObject winRate = Json.object(
                        new String(LocalAws.get("analytics/" + tenant + "/" + id + ".json"), StandardCharsets.UTF_8))
                .getAsJsonObject("winRate");
        assertEquals(1, winRate.get("won").getAsInt());
        assertEquals(2, winRate.get("lost").getAsInt(), "both lost stages count; the open one does not");
    }

    @Test
    void anEmptyTenantGivesAnAnalysisWithoutRatesAndParametersAreRefused() {
        String tenant = "ana-empty";
        String job = JobFixtures.analytics(tenant);
        assertEquals(0, JobFixtures.run(new AnalyticsWorker(), job));
        String id = Json.object(job).get("jobId").getAsString();
        JsonObject analysis = Json.object(
                new String(LocalAws.get("analytics/" + tenant + "/" + id + ".json"), StandardCharsets.UTF_8));
        assertTrue(analysis.getAsJsonObject("winRate").get("rate").isJsonNull());
        assertEquals(0, analysis.getAsJsonArray("owners").size());

        String withParameter =
                JobFixtures.analytics(tenant).replace("\"parameters\":{}", "\"parameters\":{\"since\":\"2026-01-01\"}");
        assertEquals(2, JobFixtures.run(new AnalyticsWorker(), withParameter));
        assertTrue(JobFixtures.status(tenant, "analyses", withParameter)
                .get("failure")
                .getAsString()
                .contains("since"));
    }
}
