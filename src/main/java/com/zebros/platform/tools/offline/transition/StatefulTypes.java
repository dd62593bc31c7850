package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.AwsTypes;
import java.util.Set;

/**
 * The types whose replacement or delete loses data (DESIGN.md, "Stateful resources must survive every phase
 * change"), and the caches whose replacement costs warm contents but no data. Secrets are not among them: the
 * database's is protected (a delete is refused as such), and the Redis token goes with the Redis it opens.
 */
public final class StatefulTypes {
    private static final Set<String> DATA = Set.of(
            AwsTypes.DYNAMODB_TABLE,
            AwsTypes.DYNAMODB_TABLE_REPLICA,
            AwsTypes.RDS_CLUSTER,
            AwsTypes.RDS_GLOBAL_CLUSTER,
            AwsTypes.S3_BUCKET_V2,
            AwsTypes.KMS_KEY);
    private static final Set<String> CACHES = Set.of(AwsTypes.DAX_CLUSTER, AwsTypes.ELASTICACHE_REPLICATION_GROUP);

    private StatefulTypes() {}

    public static boolean holdsData(String type) {
        return DATA.contains(type);
    }

    public static boolean isCache(String type) {
        return CACHES.contains(type);
    }
}
