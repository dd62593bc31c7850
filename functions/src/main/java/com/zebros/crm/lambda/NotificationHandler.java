package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;

/**
 * Reads the opportunities stream. Until stage-change messages are built it acknowledges every
 * record, so the stream never backs up behind it.
 */
public final class NotificationHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
