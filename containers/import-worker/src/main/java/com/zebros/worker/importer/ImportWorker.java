package com.zebros.worker.importer;

import com.google.gson.JsonObject;
import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Items;
import com.zebros.crm.crm.Jobs;
import com.zebros.crm.http.ApiException;
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
 * Imports a CSV of customers or contacts that the user uploaded through the API's link. Every row is
 * validated exactly as the API validates a POST (the same item model), good rows are written in
 * batches, and each bad row goes to the error report with its line and the reason. The import is
 * idempotent and resumable: a row's id comes from the import and its line, and a checkpoint on the
 * job says which lines are written, so an attempt after a crash neither skips nor duplicates a row.
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
        job.allowOnly(Set.of("entity", "sourceKey"));
        String entity = job.choice("entity", Jobs.ENTITIES);
        String source = job.text("sourceKey");
        if (!source.startsWith("imports/" + job.tenantId() + "/")) {
            // A job may only read its own tenant's uploads, whatever its message says.
            throw new BadJob("the import's file " + source + " is not under imports/" + job.tenantId() + "/");
        }
        EntityType type = Items.typeOf(entity.equals("customers") ? Table.CUSTOMERS : Table.CONTACTS);
        long resumeAfter = context.checkpoint();
        ImportBatch.Progress progress = new ImportBatch.Progress();
        String errorsKey;
        try (InputStream in = context.open(source, "upload the file with the link POST /v1/imports gave, then start the import");
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
            ImportBatch batch = new ImportBatch(job, context, type, errors, resumeAfter, progress);
            for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
                progress.rows++;
                JsonObject body = parse(record, columns, errors);
                if (body != null) {
                    try {
                        batch.add(record.line(), Items.validate(type, body, Map.of()));
                    } catch (ApiException e) {
                        for (ApiException.FieldError error : e.errors()) {
                            errors.add(record.line(), error.field(), error.message());
                        }
                    }
                }
            }
            batch.flush();
            batch.checkpoint();
            progress.rejected = errors.rows();
            errorsKey = errors.complete();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("entity", entity);
        summary.put("rows", progress.rows);
        summary.put("imported", progress.imported);
        summary.put("rejected", progress.rejected);
        summary.put("writtenBefore", progress.writtenBefore);
        summary.put("resumedAfterLine", resumeAfter);
        return new Outcome(errorsKey, summary);
    }

    /** The row as the JSON body the API would get, or null (and its problems reported) when it cannot be one. */
    private static JsonObject parse(CsvReader.Record record, ImportColumns columns, ImportErrors errors) {
        if (record.problem() != null) {
            errors.add(record.line(), "", record.problem());
            return null;
        }
        if (record.fields().size() != columns.size()) {
            errors.add(record.line(), "", "has " + record.fields().size() + " fields; the header has " + columns.size()
                    + " (a value holding a comma must be in double quotes)");
            return null;
        }
        JsonObject body = new JsonObject();
        boolean damaged = false;
        for (int i = 0; i < columns.size(); i++) {
            String value = record.fields().get(i);
            if (Utf8.damaged(value)) {
                errors.add(record.line(), columns.name(i), "is not UTF-8 text; save the file as CSV UTF-8");
                damaged = true;
            } else if (!value.isBlank()) {
                body.addProperty(columns.name(i), value);
            }
        }
        return damaged ? null : body;
    }
}
