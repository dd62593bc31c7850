package com.zebros.crm.obs;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What each request costs in DynamoDB capacity: every call asks for its consumed capacity
 * ({@code ReturnConsumedCapacity: TOTAL}, which costs nothing:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-ReturnConsumedCapacity)
 * and the units are summed per request thread: reads from the read calls, writes from the write calls
 * (a transaction's condition checks are part of its write units). The service puts them into the
 * request's metrics ({@code ReadCapacityUnits}, {@code WriteCapacityUnits} by route), and the tier
 * benchmark and the bounded-cost test read them here.
 */
public final class ConsumedCapacity implements ExecutionInterceptor {
    private static final ThreadLocal<double[]> UNITS = ThreadLocal.withInitial(() -> new double[2]);

    /** Starts this thread's count for a new request. */
    public static void reset() {
        double[] units = UNITS.get();
        units[0] = 0;
        units[1] = 0;
    }

    /** Read units this thread's request has consumed so far. */
    public static double reads() {
        return UNITS.get()[0];
    }

    /** Write units this thread's request has consumed so far. */
    public static double writes() {
        return UNITS.get()[1];
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        double[] units = UNITS.get();
        if (response instanceof GetItemResponse r) {
            units[0] += units(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            units[0] += units(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            units[0] += units(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            units[0] += sum(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            units[1] += units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            units[1] += units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            units[1] += units(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            units[1] += sum(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            units[1] += sum(r.consumedCapacity());
        }
    }

    private static double units(software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    private static double sum(List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity> capacities) {
        return capacities == null ? 0 : capacities.stream().mapToDouble(ConsumedCapacity::units).sum();
    }
}
