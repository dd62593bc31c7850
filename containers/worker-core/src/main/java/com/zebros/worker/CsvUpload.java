package com.zebros.worker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A CSV file streamed to S3 as it is written, gzip-compressed or plain. {@link #complete()} makes it
 * appear under its key; {@link #abort()} (or closing without completing) leaves nothing behind.
 */
public final class CsvUpload implements AutoCloseable {
    private final S3Upload upload;
    private final Writer text;
    private final CsvWriter csv;
    private boolean completed;

    private CsvUpload(S3Upload upload, boolean gzip) {
        this.upload = upload;
        try {
            OutputStream out = gzip ? new GZIPOutputStream(upload, 64 * 1024) : upload;
            this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.csv = new CsvWriter(text);
    }

    /** A {@code .csv.gz} file: reports and exports. */
    public static CsvUpload gzip(S3Client s3, String bucket, String key) {
        return new CsvUpload(new S3Upload(s3, bucket, key, "text/csv; charset=utf-8", "gzip"), true);
    }

    /** A plain {@code .csv} file: an import's error report, which users open straight away. */
    public static CsvUpload plain(S3Client s3, String bucket, String key) {
        return new CsvUpload(new S3Upload(s3, bucket, key, "text/csv; charset=utf-8", null), false);
    }

    public CsvWriter csv() {
        return csv;
    }

    /** Finishes the file; it is in S3, whole, when this returns. */
    public void complete() {
        try {
            text.close();
        } catch (IOException e) {
            upload.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
        completed = true;
    }

    public void abort() {
        upload.abort();
    }

    /** Bytes uploaded (compressed, when gzip). */
    public long size() {
        return upload.size();
    }

    public String key() {
        return upload.key();
    }

    @Override
    public void close() {
        if (!completed) {
            abort();
        }
    }
}
