package com.zebros.platform.tools.baseline;

import static com.zebros.platform.tools.offline.PlanInputs.at;
import static com.zebros.platform.tools.offline.PlanInputs.list;
import static com.zebros.platform.tools.offline.PlanInputs.map;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;

/** Data at rest: buckets, tables, the database, caches. */
final class StorageRules {
    private StorageRules() {}

    static List<Rule> all() {
        return List.of(
                new Rule(
                        "S3_PUBLIC_ACCESS_BLOCKED",
                        "a public bucket leaks every tenant's files",
                        "give the bucket a BucketPublicAccessBlock with all four settings true",
                        StorageRules::s3PublicAccessBlocked),
                new Rule(
                        "S3_TLS_ONLY",
                        "requests over plain HTTP expose files and credentials in transit",
                        "add a bucket policy denying s3:* when aws:SecureTransport is false",
                        StorageRules::s3TlsOnly),
                new Rule(
                        "S3_ENCRYPTED",
                        "files must be encrypted at rest with a key the stack controls",
                        "add a BucketServerSideEncryptionConfigurationV2 with aws:kms and a customer-managed key",
                        StorageRules::s3Encrypted),
                new Rule(
                        "DYNAMODB_KMS_AND_PITR",
                        "tables hold every tenant's CRM data; a bad write or a leak must be recoverable and contained",
                        "set serverSideEncryption with a customer key and pointInTimeRecovery on the table and each replica",
                        StorageRules::dynamodbKmsAndPitr),
                new Rule(
                        "AURORA_ENCRYPTED_PROTECTED_BACKED_UP",
                        "the auth database holds every login; it must be encrypted, hard to delete and restorable",
                        "set storageEncrypted, deletionProtection (outside dev) and backupRetentionPeriod of 7 days or more",
                        StorageRules::auroraEncryptedProtectedBackedUp),
                new Rule(
                        "CACHES_ENCRYPTED",
                        "sessions and cached items are tenant data too",
                        "enable at-rest and in-transit encryption on Redis, and server-side encryption with a TLS endpoint on DAX",
                        StorageRules::cachesEncrypted),
                new Rule(
                        "LOGS_ENCRYPTED_WITH_RETENTION",
                        "logs carry tenants and request details; they must not be kept forever or in plain storage",
                        "create log groups through LogGroups, which sets the phase's retention and the stack's operations key",
                        StorageRules::logsEncryptedWithRetention));
    }

    private static void s3PublicAccessBlocked(Plan plan, Rule.Findings findings) {
        for (PlannedResource bucket : plan.ofType(AwsTypes.S3_BUCKET_V2)) {
            Object name = bucket.inputs().get("bucket");
            boolean blocked = plan.ofType(AwsTypes.S3_BUCKET_PUBLIC_ACCESS_BLOCK).stream()
                    .anyMatch(b -> name.equals(b.inputs().get("bucket"))
                            && List.of(
                                            "blockPublicAcls",
                                            "blockPublicPolicy",
                                            "ignorePublicAcls",
                                            "restrictPublicBuckets")
                                    .stream()
                                    .allMatch(
                                            f -> Boolean.TRUE.equals(b.inputs().get(f))));
            if (!blocked) {
                findings.breach(bucket.name(), "has no complete public access block");
            }
        }
    }

    private static void s3TlsOnly(Plan plan, Rule.Findings findings) {
        for (PlannedResource bucket : plan.ofType(AwsTypes.S3_BUCKET_V2)) {
            Object name = bucket.inputs().get("bucket");
            boolean tlsOnly = plan.ofType(AwsTypes.S3_BUCKET_POLICY).stream()
                    .anyMatch(p -> name.equals(p.inputs().get("bucket"))
                            && String.valueOf(p.inputs().get("policy")).contains("\"aws:SecureTransport\":\"false\""));
            if (!tlsOnly) {
                findings.breach(bucket.name(), "accepts requests without TLS");
            }
        }
    }

    private static void s3Encrypted(Plan plan, Rule.Findings findings) {
        for (PlannedResource bucket : plan.ofType(AwsTypes.S3_BUCKET_V2)) {
            Object name = bucket.inputs().get("bucket");
            boolean encrypted = plan.ofType(AwsTypes.S3_BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2).stream()
                    .anyMatch(e -> name.equals(e.inputs().get("bucket"))
                            && list(e.inputs().get("rules")).stream()
                                    .anyMatch(r -> "aws:kms"
                                            .equals(at(map(r), "applyServerSideEncryptionByDefault", "sseAlgorithm"))));
            if (!encrypted) {
                findings.breach(bucket.name(), "has no KMS default encryption");
            }
        }
    }

    private static void dynamodbKmsAndPitr(Plan plan, Rule.Findings findings) {
        for (PlannedResource table : plan.ofType(AwsTypes.DYNAMODB_TABLE)) {
            if (at(table.inputs(), "serverSideEncryption", "kmsKeyArn") == null) {
                findings.breach(table.name(), "is not encrypted with a customer-managed key");
            }
            if (!Boolean.TRUE.equals(at(table.inputs(), "pointInTimeRecovery", "enabled"))) {
                findings.breach(table.name(), "has no point-in-time recovery");
            }
        }
        for (PlannedResource replica : plan.ofType(AwsTypes.DYNAMODB_TABLE_REPLICA)) {
            if (!Boolean.TRUE.equals(replica.inputs().get("pointInTimeRecovery"))
                    || replica.inputs().get("kmsKeyArn") == null) {
                findings.breach(replica.name(), "lacks point-in-time recovery or its own key");
            }
        }
    }

    private static void auroraEncryptedProtectedBackedUp(Plan plan, Rule.Findings findings) {
        for (PlannedResource cluster : plan.ofType(AwsTypes.RDS_CLUSTER)) {
            if (!Boolean.TRUE.equals(cluster.inputs().get("storageEncrypted"))) {
                findings.breach(cluster.name(), "is not encrypted");
            }
            if (!plan.stack().equals("dev")
                    && !Boolean.TRUE.equals(cluster.inputs().get("deletionProtection"))) {
                findings.breach(cluster.name(), "has no deletion protection outside dev");
            }
            Object retention = cluster.inputs().get("backupRetentionPeriod");
            if (!(retention instanceof Number n) || n.longValue() < 7) {
                findings.breach(cluster.name(), "keeps backups for fewer than 7 days");
            }
        }
    }

    private static void cachesEncrypted(Plan plan, Rule.Findings findings) {
        for (PlannedResource redis : plan.ofType(AwsTypes.ELASTICACHE_REPLICATION_GROUP)) {
            if (!Boolean.TRUE.equals(redis.inputs().get("atRestEncryptionEnabled"))
                    || !Boolean.TRUE.equals(redis.inputs().get("transitEncryptionEnabled"))) {
                findings.breach(redis.name(), "is not encrypted at rest and in transit");
            }
        }
        for (PlannedResource dax : plan.ofType(AwsTypes.DAX_CLUSTER)) {
            if (!Boolean.TRUE.equals(at(dax.inputs(), "serverSideEncryption", "enabled"))
                    || !"TLS".equals(dax.inputs().get("clusterEndpointEncryptionType"))) {
                findings.breach(dax.name(), "is not encrypted at rest and in transit");
            }
        }
    }

    private static void logsEncryptedWithRetention(Plan plan, Rule.Findings findings) {
        for (PlannedResource group : plan.ofType(AwsTypes.CLOUDWATCH_LOG_GROUP)) {
            if (group.inputs().get("kmsKeyId") == null || group.inputs().get("retentionInDays") == null) {
                findings.breach(group.name(), "has no KMS key or no retention");
            }
        }
    }
}
