package com.zebros.worker.importer;

import com.zebros.worker.CsvUpload;
import com.zebros.worker.JobContext;

/**
 * The per-row error report, {@code import-errors/<tenant>/<jobId>.csv}: the line, the field and
 * what is wrong, one problem per row of the report. It is opened at the first problem, so a clean
 * import leaves no file, and it is written whole by every attempt (rows are validated again on a
 * resume), so a crash never leaves half a report.
 */
final class ImportErrors implements AutoCloseable {
    private final JobContext context;
    private final String key;
    private CsvUpload file;
    private long rows;
    private long problems;
    private long lastRow = -1;

    ImportErrors(JobContext context, String key) {
        this.context = context;
        this.key = key;
    }

    void add(long line, String field, String problem) {
        if (file == null) {
            file = context.plainCsv(key);
            file.csv().row("line", "field", "problem");
        }
        file.csv().row(String.valueOf(line), field, problem);
        problems++;
        if (line != lastRow) {
            rows++;
            lastRow = line;
        }
    }

    /** Rows with at least one problem. */
    long rows() {
        return rows;
    }

    long problems() {
        return problems;
    }

    /** Completes the report; its key, or null when every row was good. */
    String complete() {
        if (file == null) {
            return null;
        }
        file.complete();
        return key;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
