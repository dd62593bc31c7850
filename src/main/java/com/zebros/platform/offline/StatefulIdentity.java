package com.zebros.platform.offline;

import com.zebros.platform.AwsTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What makes a stateful resource the same resource: its URN (type, logical name and parent chain)
 * and the inputs whose change forces AWS to replace it
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table,
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html,
 * https://github.com/terraform-aws-modules/terraform-aws-rds-aurora/tree/master/examples/global-cluster,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). Promotions and the tests hold every
 * pair of plans to it.
 */
public final class StatefulIdentity {

    /** The stateful types and the inputs that replace them when changed. */
    public static final Map<String, List<String>> REPLACING_INPUTS = Map.of(
            AwsTypes.DYNAMODB_TABLE, List.of("name", "hashKey", "rangeKey", "localSecondaryIndexes", "streamEnabled"),
            AwsTypes.RDS_CLUSTER, List.of("clusterIdentifier", "engine", "engineMode", "databaseName",
                    "masterUsername", "kmsKeyId", "storageEncrypted", "dbSubnetGroupName"),
            AwsTypes.RDS_GLOBAL_CLUSTER, List.of("globalClusterIdentifier", "storageEncrypted"),
            AwsTypes.DYNAMODB_TABLE_REPLICA, List.of("globalTableArn", "kmsKeyArn"),
            AwsTypes.S3_BUCKET_V2, List.of("bucket"),
            AwsTypes.KMS_KEY, List.of("keyUsage", "customerMasterKeySpec", "multiRegion"));

    private StatefulIdentity() {
    }

    public static boolean isStateful(PlannedResource resource) {
        return REPLACING_INPUTS.containsKey(resource.type());
    }

    /** Every way {@code after} loses or replaces a stateful resource of {@code before}, in words. */
    public static List<String> violations(Plan before, Plan after) {
        List<String> problems = new ArrayList<>();
        for (PlannedResource old : before.resources()) {
            if (!isStateful(old)) {
                continue;
            }
            PlannedResource now = after.resources().stream().filter(r -> r.urn().equals(old.urn())).findFirst().orElse(null);
            if (now == null) {
                boolean renamed = after.find(old.type(), old.name()).isPresent();
                problems.add(old.type() + " '" + old.name() + "' would be "
                        + (renamed ? "replaced: its parent changed, so its URN changed" : "deleted"));
                continue;
            }
            for (String input : REPLACING_INPUTS.get(old.type())) {
                Object was = old.inputs().get(input);
                Object is = now.inputs().get(input);
                if (!Objects.equals(was, is)) {
                    problems.add(old.type() + " '" + old.name() + "' would be replaced: " + input + " " + was + " → " + is);
                }
            }
        }
        return problems;
    }
}
