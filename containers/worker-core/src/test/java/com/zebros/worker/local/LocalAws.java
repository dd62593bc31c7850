package com.zebros.worker.local;

import com.zebros.crm.local.Api;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.store.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The worker's cloud, locally and for real: DynamoDB Local (in this JVM, the CRM's tables from the
 * functions' shared schema, behind the API's local server) and S3Mock (in its own JVM). One of each
 * per test JVM; tests keep apart by tenant.
 */
public final class LocalAws {
    private LocalAws() {}

    /** The DynamoDB Local of the API's local server, so tests can create jobs through the real API. */
    public static LocalDynamo dynamo() {
        return Api.server().dynamo();
    }

    public static LocalS3 s3() {
        return LocalS3.get();
    }

    /** The environment the task definition would give a worker, pointing at the local servers. */
    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(dynamo().environment());
        env.put("FILES_BUCKET", LocalS3.BUCKET);
        env.put("S3_ENDPOINT", s3().endpoint());
        return env;
    }

    public static Store store() {
        return new Store(dynamo().client(), dynamo().names());
    }

    /**
     * Puts a file as a user's upload does. Sent once more when the connection ends at once: S3Mock closes a
     * connection left idle past its keep-alive timeout (a long test before, a loaded machine), and the URL-connection
     * client, reusing it, sees the end of the stream before any answer.
     */
    public static void put(String key, byte[] content) {
        try {
            s3().client().putObject(r -> r.bucket(LocalS3.BUCKET).key(key), RequestBody.fromBytes(content));
        } catch (java.io.UncheckedIOException e) {
            s3().client().putObject(r -> r.bucket(LocalS3.BUCKET).key(key), RequestBody.fromBytes(content));
        }
    }

    public static byte[] get(String key) {
        return s3().client()
                .getObjectAsBytes(r -> r.bucket(LocalS3.BUCKET).key(key))
                .asByteArray();
    }

    public static boolean exists(String key) {
        return s3().client().listObjectsV2(r -> r.bucket(LocalS3.BUCKET).prefix(key)).contents().stream()
                .anyMatch(o -> o.key().equals(key));
    }

    /** A gzip file of the bucket, decompressed to text. */
    public static String gunzipped(String key) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(get(key)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
