package com.zebros.worker.local;

import com.zebros.crm.local.LocalDynamo;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock, a real S3-compatible server from Maven Central, in a JVM of its own (its Spring Boot
 * and Jetty 12 must not share a classpath with DynamoDB Local's). The classpath comes from the
 * s3mock-runner module; the server lives until this JVM exits.
 */
public final class LocalS3 {
    /** The bucket the API's local server presigns links for. */
    public static final String BUCKET = "zebros-local-files";

    private final Process process;
    private final String endpoint;
    private final S3Client client;

    private LocalS3() {
        String classpathFile = System.getProperty("s3mock.classpath");
        if (classpathFile == null || !Files.exists(Path.of(classpathFile))) {
            throw new IllegalStateException(
                    "S3Mock's classpath file " + classpathFile + " is missing: run the tests through"
                            + " Maven from containers/ (mvn -f containers/pom.xml test), which writes it");
        }
        try {
            int port = LocalDynamo.freePort();
            Path root = Files.createTempDirectory("s3mock");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    Files.readString(Path.of(classpathFile)).trim(),
                    "com.adobe.testing.s3mock.S3MockApplication",
                    "--com.adobe.testing.s3mock.httpPort=" + port,
                    "--server.port=0",
                    "--com.adobe.testing.s3mock.domain.initialBuckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.domain.root=" + root,
                    "--logging.level.root=WARN"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            endpoint = "http://127.0.0.1:" + port;
            awaitReady(log);
            client = S3Client.builder()
                    .endpointOverride(URI.create(endpoint))
                    .forcePathStyle(true)
                    .region(Region.US_EAST_1)
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        } catch (IOException e) {
            throw new IllegalStateException("S3Mock did not start: " + e.getMessage(), e);
        }
    }

    private static final class Holder {
        static final LocalS3 INSTANCE = new LocalS3();
    }

    /** The one server of this JVM, started on first use. */
    public static LocalS3 get() {
        return Holder.INSTANCE;
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Mock exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(endpoint + "/" + BUCKET).toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not answer within 60 s; its log: " + log);
    }

    public String endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }
}
