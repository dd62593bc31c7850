package com.zebros.crm.faults;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which failures of an AWS call mean "the dependency is unavailable right now" (the client may retry:
 * 503 with Retry-After) rather than a fault of ours (500): the call could not be made or timed out,
 * the service throttled it after the SDK's own retries, or it answered with a server error
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
 */
public final class Unavailable {
    private Unavailable() {}

    public static boolean is(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            return cancelled.cancellationReasons().stream()
                    .map(CancellationReason::code)
                    .anyMatch(code -> "ThrottlingError".equals(code) || "ProvisionedThroughputExceeded".equals(code));
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException()
                    || service.statusCode() >= 500
                    || (service.awsErrorDetails() != null
                            && "RequestLimitExceeded"
                                    .equals(service.awsErrorDetails().errorCode()));
        }
        return e.retryable();
    }
}
