package com.zebros.crm.cache;

import com.zebros.crm.store.Table;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The read-through cache of hot items: Redis from phase 2, nothing before (the API works the same). */
public interface ItemCache {

    Optional<Map<String, AttributeValue>> read(
            String tenant, Table table, String id, Supplier<Optional<Map<String, AttributeValue>>> loader);

    void invalidate(String tenant, Table table, String id);

    /** No cache: every read goes to DynamoDB. */
    ItemCache NONE = new ItemCache() {
        @Override
        public Optional<Map<String, AttributeValue>> read(
                String tenant, Table table, String id, Supplier<Optional<Map<String, AttributeValue>>> loader) {
            return loader.get();
        }

        @Override
        public void invalidate(String tenant, Table table, String id) {}
    };
}
