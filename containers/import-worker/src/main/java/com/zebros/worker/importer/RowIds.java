package com.zebros.worker.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of an imported row: a hash of the tenant, the import and the row's line, shaped like the
 * API's ids ({@code cus_} and 32 hex digits). Running the same import again gives every row the id
 * it had, so a retry finds what an earlier attempt wrote instead of writing it twice.
 */
final class RowIds {
    private final String prefix;
    private final String seed;

    RowIds(String prefix, String tenant, String jobId) {
        this.prefix = prefix;
        this.seed = tenant + "/" + jobId + "/";
    }

    String id(long line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + line).getBytes(StandardCharsets.UTF_8));
            return prefix + "_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
