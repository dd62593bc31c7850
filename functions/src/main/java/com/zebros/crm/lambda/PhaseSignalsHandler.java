package com.zebros.crm.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zebros.crm.obs.MemoryUse;
import com.zebros.crm.obs.PhaseSignals;
import com.zebros.crm.store.Store;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly phase-signals function (an EventBridge schedule invokes it; the event itself carries nothing it
 * needs): measures the stack's tables and writes the figures as metrics, which the stack's dashboard shows and
 * its phase-band alarms watch.
 */
public final class PhaseSignalsHandler implements RequestHandler<Map<String, Object>, Map<String, Long>> {
    private final PhaseSignals signals;

    public PhaseSignalsHandler() {
        this(fromEnvironment(System.getenv()));
    }

    public PhaseSignalsHandler(PhaseSignals signals) {
        this.signals = signals;
    }

    static PhaseSignals fromEnvironment(Map<String, String> env) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")))
                .httpClient(UrlConnectionHttpClient.builder().build());
        if (env.containsKey("DYNAMODB_ENDPOINT")) {
            builder.endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")));
        }
        return new PhaseSignals(
                builder.build(), Store.namesFrom(env), env.getOrDefault("STACK_NAME", "local"), Clock.systemUTC());
    }

    @Override
    public Map<String, Long> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        Map<String, Long> measured = signals.measure(System.out);
        MemoryUse.LAMBDA.record(System.out);
        return measured;
    }
}
