package com.zebros.crm.faults;

import java.time.Duration;
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
    private final LongSupplier nanoTime;
    private volatile long pausedUntil;
    private volatile boolean paused;

    public FallbackReader(DynamoDbClient dax, DynamoDbClient dynamo, LongSupplier nanoTime) {
        this.dax = dax;
        this.dynamo = dynamo;
        this.nanoTime = nanoTime;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        if (!useDax()) {
            return dynamo.getItem(request);
        }
        try {
            return dax.getItem(request);
        } catch (SdkClientException e) {
            pause();
            return dynamo.getItem(request);
        }
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        if (!useDax()) {
            return dynamo.query(request);
        }
        try {
            return dax.query(request);
        } catch (SdkClientException e) {
            pause();
            return dynamo.query(request);
        }
    }

    /** Whether reads are going to DynamoDB after a DAX failure. */
    public boolean isPaused() {
        return paused && nanoTime.getAsLong() < pausedUntil;
    }

    private boolean useDax() {
        return !isPaused();
    }

    private void pause() {
        pausedUntil = nanoTime.getAsLong() + PAUSE.toNanos();
        paused = true;
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
