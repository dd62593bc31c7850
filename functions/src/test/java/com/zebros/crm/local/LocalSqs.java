package com.zebros.crm.local;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A real SQS server (ElasticMQ, in this JVM, on 127.0.0.1 only) and a client of it, for the tests that queue. */
public final class LocalSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final SqsClient client;
    private final String endpoint;

    public LocalSqs() throws java.io.IOException {
        int port = LocalDynamo.freePort();
        server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
        endpoint = "http://127.0.0.1:" + port;
        client = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    /** What SQS_ENDPOINT is set to. */
    public String endpoint() {
        return endpoint;
    }

    public SqsClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
