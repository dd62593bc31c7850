package com.zebros.crm.faults;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The reads that may be eventually consistent, through DAX while it answers and from DynamoDB when it
 * does not: DAX is a cache in front of the tables, so losing it must cost latency, not the API. The
 * DAX client builds without reaching its cluster and then fails every call with "No endpoints
 * available" (an SdkClientException); after such a failure DAX is left alone for {@link #PAUSE} and the
 * reads go to DynamoDB, then DAX is tried again. A DAX answer that is an error of the request itself
 * (validation, a missing table) is the caller's, as DynamoDB's would be.
 */
public final class FallbackReader implements DynamoDbClient {
    public static final Duration PAUSE = Duration.ofSeconds(5);

    private final DynamoDbClient dax;
    private final DynamoDbClient dynamo;
    private final Pause pause;

    public FallbackReader(DynamoDbClient dax, DynamoDbClient dynamo, LongSupplier nanoTime) {
        this.dax = dax;
        this.dynamo = dynamo;
        this.pause = new Pause(PAUSE, nanoTime);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return read(client -> client.getItem(request));
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return read(client -> client.query(request));
    }

    private <T> T read(Function<DynamoDbClient, T> call) {
        if (pause.isOn()) {
            return call.apply(dynamo);
        }
        try {
            return call.apply(dax);
        } catch (SdkClientException e) {
            pause.start();
            return call.apply(dynamo);
        }
    }

    @Override
    public String serviceName() {
        return dynamo.serviceName();
    }

    @Override
    public void close() {
        dax.close();
    }
}
