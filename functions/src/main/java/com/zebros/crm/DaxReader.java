package com.zebros.crm;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** The DAX cluster as a DynamoDB client, for the reads that may be eventually consistent. */
final class DaxReader {
    private DaxReader() {
    }

    static DynamoDbClient create(String endpoint, Region region) {
        try {
            return ClusterDaxClient.builder()
                    .overrideConfiguration(Configuration.builder().url(endpoint).region(region).build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach DAX at " + endpoint, e);
        }
    }
}
