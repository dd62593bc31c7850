package com.zebros.worker.report;

import com.zebros.crm.crm.Jobs;
import com.zebros.worker.CsvUpload;
import com.zebros.worker.Job;
import com.zebros.worker.JobContext;
import com.zebros.worker.Outcome;
import com.zebros.worker.Worker;
import com.zebros.worker.WorkerMain;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reports: the pipeline (every opportunity, stage by stage) or the activity summary (activities per
 * owner and type), written as gzip CSV to {@code reports/<tenant>/<jobId>.csv.gz}. Both stream: the
 * pipeline row by row from the stage index, the summary holding one counter per owner and type.
 */
public final class ReportWorker implements Worker {

    public static void main(String[] args) {
        WorkerMain.main(new ReportWorker(), args);
    }

    @Override
    public String kind() {
        return "report";
    }

    @Override
    public Outcome run(Job job, JobContext context) {
        job.allowOnly(Set.of("type"));
        String type = job.choice("type", Jobs.REPORT_TYPES);
        String key = job.resultKey("reports", "csv.gz");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", type);
        try (CsvUpload file = context.gzipCsv(key)) {
            if (type.equals("pipeline")) {
                summary.putAll(new PipelineReport(context.store(), job.tenantId()).write(file.csv()));
            } else {
                summary.putAll(new ActivitySummary(context.store(), job.tenantId()).write(file.csv()));
            }
            file.complete();
            summary.put("bytes", file.size());
        }
        return new Outcome(key, summary);
    }
}
