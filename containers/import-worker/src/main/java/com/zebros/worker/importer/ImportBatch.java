package com.zebros.worker.importer;

import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.ImportWrites;
import com.zebros.crm.http.ApiException;
import com.zebros.worker.Job;
import com.zebros.worker.JobContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of an import waiting to be written, up to one chunk ({@link ImportWrites#CHUNK}): each chunk goes through
 * the batch route's path under a key of the import and the chunk's first line, its refused rows go to the error
 * report, and the checkpoint moves on every {@link ImportWorker#CHECKPOINT_EVERY} lines. An attempt after a crash
 * sends every chunk again: a chunk written before is answered from its first answer (rows counted as
 * {@code writtenBefore}, refusals reported again), so the counts and the error report cover the whole file.
 */
final class ImportBatch {
    /** A chunk whose key an attempt that died mid-chunk still holds is sent again after its lease; this many times. */
    private static final int LEASE_WAITS = 3;
    /** The most rows refused before the chunk is written that are held, so a file of bad rows is held a bounded part at a time. */
    private static final int HELD_REFUSALS = 1_000;

    /** A row refused before it was sent (it could not be read as one): reported in line order with the chunk's. */
    private record Refusal(long line, String field, String problem) {}

    /** What the import counted; rejected rows are the error report's. */
    static final class Progress {
        long rows;
        long imported;
        long rejected;
        long writtenBefore;
    }

    private final Job job;
    private final JobContext context;
    private final ImportErrors errors;
    private final Progress progress;
    private final ImportWrites writes;
    private final Principal principal;
    private final String mode;
    private final List<Long> lines = new ArrayList<>();
    private final List<JsonObject> rows = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();
    private long writtenThrough;
    private long checkpointed;

    ImportBatch(
            Job job,
            JobContext context,
            EntityType type,
            String mode,
            ImportErrors errors,
            long resumeAfter,
            Progress progress) {
        this.job = job;
        this.context = context;
        this.errors = errors;
        this.progress = progress;
        this.mode = mode;
        this.writes = new ImportWrites(context.store(), type, context.clock());
        // The rows are the user's who asked for the import (history entries and webhook events name them).
        String actor = job.parameters().has("requestedBy") ? job.text("requestedBy") : "import:" + job.jobId();
        this.principal = new Principal(job.tenantId(), actor, java.util.Set.of(Principal.USER));
        this.writtenThrough = resumeAfter;
        this.checkpointed = resumeAfter;
    }

    void add(long line, JsonObject row) {
        lines.add(line);
        rows.add(row);
        if (rows.size() == ImportWrites.CHUNK) {
            flush();
        }
    }

    /** A row that could not be read as one: reported with the rows around it, in line order. */
    void refuse(long line, String field, String problem) {
        refused.add(new Refusal(line, field, problem));
        if (refused.size() >= HELD_REFUSALS) {
            flush();
        }
    }

    void flush() {
        ImportWrites.Chunk chunk = rows.isEmpty()
                ? new ImportWrites.Chunk(List.of(), false)
                : write("import:" + job.jobId() + ":" + lines.get(0));
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            ImportWrites.Row row = chunk.rows().get(i);
            long line = lines.get(i);
            for (; next < refused.size() && refused.get(next).line() < line; next++) {
                errors.add(
                        refused.get(next).line(),
                        refused.get(next).field(),
                        refused.get(next).problem());
            }
            if (row.written()) {
                progress.imported++;
                progress.writtenBefore += chunk.replayed() ? 1 : 0;
            } else if (row.errors().isEmpty()) {
                errors.add(line, "", row.detail());
            } else {
                row.errors().forEach(e -> errors.add(line, e.field(), e.message()));
            }
        }
        for (; next < refused.size(); next++) {
            errors.add(
                    refused.get(next).line(),
                    refused.get(next).field(),
                    refused.get(next).problem());
        }
        if (!lines.isEmpty()) {
            writtenThrough = Math.max(writtenThrough, lines.get(lines.size() - 1));
        }
        lines.clear();
        rows.clear();
        refused.clear();
        if (writtenThrough - checkpointed >= ImportWorker.CHECKPOINT_EVERY) {
            checkpoint();
        }
    }

    /** The chunk written under {@code key}; after an attempt that died holding the key, once its lease runs out. */
    private ImportWrites.Chunk write(String key) {
        for (int wait = 0; ; wait++) {
            try {
                return writes.write(principal, key, mode, rows);
            } catch (ApiException e) {
                String retryAfter = e.headers().get("Retry-After");
                if (e.status() != 409 || retryAfter == null || wait == LEASE_WAITS) {
                    throw new IllegalStateException(
                            "the import's rows from line " + lines.get(0) + " could not be written: " + e.getMessage()
                                    + "; the job is retried",
                            e);
                }
                sleep(Long.parseLong(retryAfter));
            }
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an earlier attempt's lease", e);
        }
    }

    void checkpoint() {
        if (writtenThrough > checkpointed) {
            context.saveCheckpoint(job, writtenThrough);
            checkpointed = writtenThrough;
        }
    }
}
