package com.zebros.worker.analytics;

import com.zebros.crm.http.Json;
import com.zebros.worker.Job;
import com.zebros.worker.JobContext;
import com.zebros.worker.Outcome;
import com.zebros.worker.Worker;
import com.zebros.worker.WorkerMain;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Analyses a tenant's opportunities and activities — win rate, sales cycle time and activity, for
 * the tenant and per owner — and writes them as JSON to {@code analytics/<tenant>/<jobId>.json}.
 */
public final class AnalyticsWorker implements Worker {

    public static void main(String[] args) {
        WorkerMain.main(new AnalyticsWorker(), args);
    }

    @Override
    public String kind() {
        return "analytics";
    }

    @Override
    public Outcome run(Job job, JobContext context) {
        job.allowOnly(Set.of());
        Analysis analysis = new Analysis();
        analysis.readOpportunities(context.store(), job.tenantId());
        analysis.readActivities(context.store(), job.tenantId());

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenantId", job.tenantId());
        document.put("generatedAt", context.clock().instant().toString());
        document.putAll(analysis.result());
        String key = job.resultKey("analytics", "json");
        // One document of a few hundred bytes per owner: a single PUT.
        context.s3()
                .putObject(
                        r -> r.bucket(context.bucket()).key(key).contentType("application/json"),
                        RequestBody.fromBytes(Json.write(document).getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("opportunities", analysis.opportunities());
        summary.put("activities", analysis.activities());
        summary.put("owners", analysis.owners());
        return new Outcome(key, summary);
    }
}
