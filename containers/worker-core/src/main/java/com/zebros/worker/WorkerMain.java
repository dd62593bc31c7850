package com.zebros.worker;

import com.zebros.crm.obs.CapacityBudget;
import com.zebros.crm.obs.Log;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point of every worker image. Without WORK_QUEUE_URL the task runs the one job Step
 * Functions gave it in {@code JOB} (or the first argument) and exits: 0 done, 1 failed (the state
 * machine retries), 2 a bad job or a bad environment (no retry helps; the message says what to fix).
 * With WORK_QUEUE_URL it is a long-lived member of the report pool.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(Worker worker, String[] args) {
        System.exit(run(worker, args, System.getenv()));
    }

    public static int run(Worker worker, String[] args, Map<String, String> env) {
        Log log = new Log(System.out, Clock.systemUTC());
        WorkerSettings settings;
        try {
            settings = WorkerSettings.from(env);
        } catch (IllegalStateException e) {
            System.err.println(worker.kind() + " worker: " + e.getMessage());
            return 2;
        }
        try (AwsClients aws = new AwsClients(settings)) {
            JobRunner runner = new JobRunner(worker, settings, aws, Clock.systemUTC(), log);
            if (settings.workQueueUrl().isPresent()) {
                new PoolLoop(runner, aws, settings.workQueueUrl().get(), log).runUntilStopped();
                return 0;
            }
            Job job;
            try {
                job = Job.parse(args.length > 0 ? args[0] : env.get("JOB"));
            } catch (BadJob e) {
                System.err.println(worker.kind() + " worker: " + e.getMessage());
                return 2;
            }
            JobRunner.Result result = runner.run(job);
            logCapacity(log, job, aws);
            if (result.status() != JobRunner.Status.DONE) {
                System.err.println(worker.kind() + " worker: " + result.message());
            }
            return result.exitCode();
        }
    }

    /** What the job consumed of each table against its budget: the figure that shows it left the API its share. */
    private static void logCapacity(Log log, Job job, AwsClients aws) {
        for (CapacityBudget.Usage used : aws.capacityUsed()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("table", used.table());
            fields.put("kind", used.kind());
            fields.put("units", Math.round(used.units()));
            fields.put("peakPerSecond", Math.round(used.peakPerSecond()));
            fields.put("budgetPerSecond", Math.round(used.budgetPerSecond()));
            log.info("capacity used", job.jobId(), job.tenantId(), fields);
        }
    }
}
