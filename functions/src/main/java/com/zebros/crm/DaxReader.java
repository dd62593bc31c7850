package com.zebros.crm;

import com.zebros.crm.faults.Timeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * The DAX cluster as a DynamoDB client, for the reads that may be eventually consistent (Service wraps it
 * in a FallbackReader, so an unreachable DAX sends them to DynamoDB). It builds without reaching the
 * cluster; connecting and each request are bounded like every AWS call of the API.
 */
final class DaxReader {
    private DaxReader() {}

    static DynamoDbClient create(String endpoint, Region region) {
        try {
            return ClusterDaxClient.builder()
                    .overrideConfiguration(Configuration.builder()
                            .url(endpoint)
                            .region(region)
                            .connectTimeoutMillis((int) Timeouts.CONNECT.toMillis())
                            .requestTimeoutMillis((int) Timeouts.ATTEMPT.toMillis())
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach DAX at " + endpoint, e);
        }
    }
}
