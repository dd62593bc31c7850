package com.zebros.crm.faults;

import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * How long the API waits for each dependency, so a slow or silent one costs a request a bounded time
 * and an answer (503 with Retry-After), never the function's 10-second timeout. README lists them; the
 * fault suite holds requests to them.
 */
public final class Timeouts {
    /** Opening a connection to an AWS endpoint. */
    public static final Duration CONNECT = Duration.ofSeconds(1);
    /** Waiting for bytes on an open connection. */
    public static final Duration READ = Duration.ofSeconds(1);
    /** One attempt of an AWS call. */
    public static final Duration ATTEMPT = Duration.ofSeconds(1);
    /** One AWS call with the SDK's own retries (for DynamoDB, up to eight with back-off): no call lasts longer. */
    public static final Duration CALL = Duration.ofSeconds(2);
    /** A request's AWS calls together: no call starts after this (RequestBudget), so a request ends within it plus one CALL. */
    public static final Duration REQUEST = Duration.ofSeconds(5);
    /** Redis: connecting and each command (Jedis uses one value for both). */
    public static final Duration REDIS = Duration.ofMillis(200);

    private Timeouts() {}

    /** The HTTP client every AWS client of the API shares. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT)
                .socketTimeout(READ)
                .build();
    }

    /** The call and attempt limits, on an AWS client's configuration. */
    public static void apply(ClientOverrideConfiguration.Builder configuration) {
        configuration.apiCallAttemptTimeout(ATTEMPT).apiCallTimeout(CALL);
    }
}
