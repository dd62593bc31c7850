package com.zebros.worker.importer;

import com.google.gson.JsonObject;
import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Items;
import com.zebros.crm.crm.Jobs;
import com.zebros.crm.store.Table;
import com.zebros.worker.BadJob;
import com.zebros.worker.CsvReader;
import com.zebros.worker.Job;
import com.zebros.worker.JobContext;
import com.zebros.worker.Outcome;
import com.zebros.worker.Utf8;
import com.zebros.worker.Worker;
import com.zebros.worker.WorkerMain;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Imports a CSV of customers or contacts that the user uploaded through the API's link. Rows are written through
 * the API's batch path ({@link com.zebros.crm.crm.ImportWrites}), 100 at a time, as creates or, with the job's
 * {@code mode} upsert, as upserts by the unique field: each row is validated, checked, claimed and recorded in the
 * history exactly as the API does it, and each refused row goes to the error report with its line and the reason.
 * The import is idempotent and resumable: each chunk is written under a key of the import and its first line, so an
 * attempt after a crash neither skips nor duplicates a row; the checkpoint on the job says how far it got.
 */
public final class ImportWorker implements Worker {
    /** Longer than any field of the model; a longer cell is reported without being held in memory. */
    static final int MAX_FIELD_LENGTH = 20_000;
    /** How many rows are written between two checkpoints. */
    static final int CHECKPOINT_EVERY = 1_000;

    public static void main(String[] args) {
        WorkerMain.main(new ImportWorker(), args);
    }

    @Override
    public String kind() {
        return "import";
    }

    @Override
    public Outcome run(Job job, JobContext context) throws Exception {
        job.allowOnly(Set.of("entity", "sourceKey", "mode", "requestedBy"));
        String entity = job.choice("entity", Jobs.ENTITIES);
        // A job queued before imports had a mode creates, as every import did then.
        String mode = job.parameters().has("mode") ? job.choice("mode", Jobs.IMPORT_MODES) : "create";
        String source = job.text("sourceKey");
        if (!source.startsWith("imports/" + job.tenantId() + "/")) {
            // A job may only read its own tenant's uploads, whatever its message says.
            throw new BadJob("the import's file " + source + " is not under imports/" + job.tenantId() + "/");
        }
        EntityType type = Items.typeOf(entity.equals("customers") ? Table.CUSTOMERS : Table.CONTACTS);
        long resumeAfter = context.checkpoint();
        ImportBatch.Progress progress = new ImportBatch.Progress();
        String errorsKey;
        try (InputStream in = context.open(
                        source, "upload the file with the link POST /v1/imports gave, then start the import");
                ImportErrors errors = new ImportErrors(context, job.resultKey("import-errors", "csv"))) {
            CsvReader reader = new CsvReader(Utf8.reader(in), MAX_FIELD_LENGTH);
            CsvReader.Record header = reader.next();
            if (header == null) {
                throw new BadJob("the file " + source + " is empty; its first line must name the columns");
            }
            if (header.problem() != null) {
                throw new BadJob("the header line cannot be read: " + header.problem());
            }
            ImportColumns columns = ImportColumns.of(header.fields(), type);
            ImportBatch batch = new ImportBatch(job, context, type, mode, errors, resumeAfter, progress);
            for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
                progress.rows++;
                JsonObject body = parse(record, columns, batch);
                if (body != null) {
                    batch.add(record.line(), body);
                }
            }
            batch.flush();
            batch.checkpoint();
            progress.rejected = errors.rows();
            errorsKey = errors.complete();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("entity", entity);
        summary.put("mode", mode);
        summary.put("rows", progress.rows);
        summary.put("imported", progress.imported);
        summary.put("rejected", progress.rejected);
        summary.put("writtenBefore", progress.writtenBefore);
        summary.put("resumedAfterLine", resumeAfter);
        return new Outcome(errorsKey, summary);
    }

    /** The row as the JSON body the API would get, or null (and its problems reported) when it cannot be one. */
    private static JsonObject parse(CsvReader.Record record, ImportColumns columns, ImportBatch errors) {
        if (record.problem() != null) {
            errors.refuse(record.line(), "", record.problem());
            return null;
        }
        if (record.fields().size() != columns.size()) {
            errors.refuse(
                    record.line(),
                    "",
                    "has " + record.fields().size() + " fields; the header has " + columns.size()
                            + " (a value holding a comma must be in double quotes)");
            return null;
        }
        JsonObject body = new JsonObject();
        boolean damaged = false;
        for (int i = 0; i < columns.size(); i++) {
            String value = record.fields().get(i);
            if (Utf8.damaged(value)) {
                errors.refuse(record.line(), columns.name(i), "is not UTF-8 text; save the file as CSV UTF-8");
                damaged = true;
            } else if (!value.isBlank()) {
                body.addProperty(columns.name(i), value);
            }
        }
        return damaged ? null : body;
    }
}
