package com.zebros.worker;

import com.zebros.crm.obs.CapacityBudget;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker's AWS clients, on the JDK's own HTTP connection (no Netty, no Apache: a smaller image).
 * Credentials come from the task role; against local servers any key is accepted.
 */
public final class AwsClients implements AutoCloseable {
    private final WorkerSettings settings;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private DynamoDbClient dynamo;
    private DynamoDbClient describer;
    private CapacityBudget budget;
    private S3Client s3;
    private SqsClient sqs;
    private SfnClient sfn;

    public AwsClients(WorkerSettings settings) {
        this.settings = settings;
    }

    /**
     * The worker's DynamoDB client, within its capacity budget ({@link CapacityBudget}: half of each table's ceiling
     * at the phase, or a quarter of a new on-demand table's throughput), so a job never starves the API.
     */
    public synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            describer = plainDynamo();
            budget = new CapacityBudget(
                    table -> CapacityBudget.of(
                            describer.describeTable(b -> b.tableName(table)).table(),
                            Optional.ofNullable(settings.capacityCeiling().get(table))),
                    CapacityBudget.Time.SYSTEM);
            var builder = DynamoDbClient.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(budget));
            settings.dynamoEndpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
            dynamo = builder.build();
        }
        return dynamo;
    }

    /** A client without the budget: what reads the tables' capacity for it. */
    private DynamoDbClient plainDynamo() {
        var builder = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials());
        settings.dynamoEndpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
        return builder.build();
    }

    /** What this worker consumed of each table so far, and the rate it was allowed. */
    public synchronized List<CapacityBudget.Usage> capacityUsed() {
        return budget == null ? List.of() : budget.usage();
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            var builder = S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials());
            // S3-compatible local servers serve buckets by path, not by host name.
            settings.s3Endpoint()
                    .ifPresent(e -> builder.endpointOverride(URI.create(e)).forcePathStyle(true));
            s3 = builder.build();
        }
        return s3;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials())
                    .build();
        }
        return sqs;
    }

    public synchronized SfnClient sfn() {
        if (sfn == null) {
            sfn = SfnClient.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials())
                    .build();
        }
        return sfn;
    }

    private AwsCredentialsProvider credentials() {
        boolean local =
                settings.dynamoEndpoint().isPresent() || settings.s3Endpoint().isPresent();
        return local
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.create();
    }

    @Override
    public void close() {
        for (AutoCloseable client : new AutoCloseable[] {dynamo, describer, s3, sqs, sfn}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing a client at exit loses nothing
                }
            }
        }
        http.close();
    }
}
