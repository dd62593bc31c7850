package com.zebros.crm.obs;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
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
 * The consumed capacity of DynamoDB calls, for whoever counts it (the API per request, the workers'
 * budget per table): every call that can report it is asked to ({@code ReturnConsumedCapacity: TOTAL},
 * which costs nothing:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-ReturnConsumedCapacity),
 * and each answer gives its units per table, as reads or writes (a transaction's condition checks are
 * part of its write units).
 */
public final class CapacityUnits {
    private CapacityUnits() {}

    /**
     * An interceptor that asks every call that can report its consumed capacity to, and hands each answer's to
     * {@link #consumed}: the API's per-request count and the capacity budget are both one.
     */
    public interface Listener extends software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
        void consumed(Consumed consumed);

        @Override
        default SdkRequest modifyRequest(
                software.amazon.awssdk.core.interceptor.Context.ModifyRequest context,
                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            return asked(context.request());
        }

        @Override
        default void afterExecution(
                software.amazon.awssdk.core.interceptor.Context.AfterExecution context,
                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            of(context.response()).ifPresent(this::consumed);
        }
    }

    /** What one call consumed: per table, reads or writes. */
    public record Consumed(boolean write, List<ConsumedCapacity> byTable) {
        public double units() {
            return byTable.stream()
                    .mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits())
                    .sum();
        }
    }

    /** {@code request}, asking for its consumed capacity when it is a call that reports one. */
    public static SdkRequest asked(SdkRequest request) {
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

    /** What {@code response} says its call consumed; empty for a call that reports none. */
    public static Optional<Consumed> of(SdkResponse response) {
        if (response instanceof GetItemResponse r) {
            return read(one(r.consumedCapacity()));
        } else if (response instanceof QueryResponse r) {
            return read(one(r.consumedCapacity()));
        } else if (response instanceof ScanResponse r) {
            return read(one(r.consumedCapacity()));
        } else if (response instanceof BatchGetItemResponse r) {
            return read(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            return write(one(r.consumedCapacity()));
        } else if (response instanceof UpdateItemResponse r) {
            return write(one(r.consumedCapacity()));
        } else if (response instanceof DeleteItemResponse r) {
            return write(one(r.consumedCapacity()));
        } else if (response instanceof BatchWriteItemResponse r) {
            return write(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            return write(r.consumedCapacity());
        }
        return Optional.empty();
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    private static Optional<Consumed> read(List<ConsumedCapacity> byTable) {
        return Optional.of(new Consumed(false, byTable == null ? List.of() : byTable));
    }

    private static Optional<Consumed> write(List<ConsumedCapacity> byTable) {
        return Optional.of(new Consumed(true, byTable == null ? List.of() : byTable));
    }
}
