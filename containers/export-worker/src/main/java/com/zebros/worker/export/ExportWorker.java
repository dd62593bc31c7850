package com.zebros.worker.export;

import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Field;
import com.zebros.crm.crm.Items;
import com.zebros.crm.crm.Jobs;
import com.zebros.crm.store.Table;
import com.zebros.worker.CsvUpload;
import com.zebros.worker.Job;
import com.zebros.worker.JobContext;
import com.zebros.worker.Outcome;
import com.zebros.worker.Worker;
import com.zebros.worker.WorkerMain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a tenant's customers or contacts as gzip CSV to {@code exports/<tenant>/<jobId>.csv.gz}:
 * one row per item, the columns the API's JSON has (id, the fields, version, times), so an export
 * can be imported again. Streams page by page; memory does not grow with the tenant.
 */
public final class ExportWorker implements Worker {

    public static void main(String[] args) {
        WorkerMain.main(new ExportWorker(), args);
    }

    @Override
    public String kind() {
        return "export";
    }

    @Override
    public Outcome run(Job job, JobContext context) {
        job.allowOnly(Set.of("entity"));
        String entity = job.choice("entity", Jobs.ENTITIES);
        Table table = entity.equals("customers") ? Table.CUSTOMERS : Table.CONTACTS;
        EntityType type = Items.typeOf(table);
        List<String> columns = columns(type);
        String key = job.resultKey("exports", "csv.gz");
        long[] rows = {0};
        Map<String, Object> summary = new LinkedHashMap<>();
        try (CsvUpload file = context.gzipCsv(key)) {
            file.csv().row(columns);
            context.store().forEach(table, null, Table.TENANT, job.tenantId(), List.of(), item -> {
                Map<String, Object> view = Items.view(type, item);
                List<String> row = new ArrayList<>(columns.size());
                for (String column : columns) {
                    Object value = view.get(column);
                    row.add(value == null ? "" : value.toString());
                }
                file.csv().row(row);
                rows[0]++;
            });
            file.complete();
            summary.put("entity", entity);
            summary.put("rows", rows[0]);
            summary.put("bytes", file.size());
        }
        return new Outcome(key, summary);
    }

    /** id, the entity's fields in the API's order, then version and times. */
    static List<String> columns(EntityType type) {
        List<String> columns = new ArrayList<>();
        columns.add("id");
        type.fields().stream().map(Field::name).forEach(columns::add);
        columns.addAll(List.of("version", "createdAt", "updatedAt"));
        return columns;
    }
}
