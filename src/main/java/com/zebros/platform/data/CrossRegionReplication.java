package com.zebros.platform.data;

import com.pulumi.aws.Provider;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.global.PrimaryOutputs;
import com.zebros.platform.global.PrimaryStack;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import java.util.List;
import java.util.Map;

/**
 * S3 replication both ways between the two regions' file stores. Both configurations belong to the
 * secondary, deployed after the primary, because a destination bucket must exist before a rule can
 * name it
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration):
 * owning them here joins the stacks without a cycle.
 *
 * <p>Each rule: every object (empty filter,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration),
 * delete markers too (soft deletes mirror), KMS objects re-encrypted with the destination region's key by its full ARN
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration),
 * and Replication Time Control with its required metrics at 15 minutes
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration).
 * Versioning on both buckets is each stack's own
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration).
 */
public final class CrossRegionReplication extends ZebrosComponent {

    /**
     * @param local         this secondary's file store
     * @param primary       the primary stack: its bucket and key
     * @param primaryRegion the primary region's provider, which owns the primary's replication rule
     */
    public record Args(FileStore local, PrimaryStack primary, Provider primaryRegion) {}

    public CrossRegionReplication(String name, StackContext stack, Args args) {
        super("zebros:data:CrossRegionReplication", name, stack);
        FileStore local = args.local();
        PrimaryStack primary = args.primary();
        Provider primaryRegion = args.primaryRegion();
        Output<String> remoteBucket = primary.string(PrimaryOutputs.BUCKET_NAME);
        Output<String> remoteArn = primary.string(PrimaryOutputs.BUCKET_ARN);
        Output<String> remoteKey = primary.string(PrimaryOutputs.FILES_KEY_ARN);

        PolicyDocument permissions = new PolicyDocument()
                .allow(
                        "ReadConfiguration",
                        List.of("s3:GetReplicationConfiguration", "s3:ListBucket"),
                        List.of(local.bucketArn(), remoteArn))
                .allow(
                        "ReadVersions",
                        List.of(
                                "s3:GetObjectVersionForReplication",
                                "s3:GetObjectVersionAcl",
                                "s3:GetObjectVersionTagging"),
                        List.of(objects(local.bucketArn()), objects(remoteArn)))
                .allow(
                        "Replicate",
                        List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"),
                        List.of(objects(local.bucketArn()), objects(remoteArn)))
                .allow(
                        "DecryptSource",
                        List.of("kms:Decrypt"),
                        List.of(local.key().arn(), remoteKey))
                .allow(
                        "EncryptReplica",
                        List.of("kms:Encrypt", "kms:GenerateDataKey"),
                        List.of(local.key().arn(), remoteKey));
        var role = new ServiceRole(
                name + "-role", stack.naming().physical("replication"), "s3.amazonaws.com", permissions, child());

        // Secondary → primary: this region's bucket, with this region's provider.
        new BucketReplicationConfig(
                name + "-to-primary",
                BucketReplicationConfigArgs.builder()
                        .bucket(local.bucketName())
                        .role(role.arn())
                        .rules(rule("to-primary", remoteArn, remoteKey))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(stack.provider())
                        .dependsOn(List.of(local.versioning(), role.policy()))
                        .build());
        // Primary → secondary: the primary's bucket, with the primary region's provider.
        new BucketReplicationConfig(
                name + "-from-primary",
                BucketReplicationConfigArgs.builder()
                        .bucket(remoteBucket)
                        .role(role.arn())
                        .rules(rule(
                                "to-secondary", local.bucketArn(), local.key().arn()))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .provider(primaryRegion)
                        .dependsOn(List.of(local.versioning(), role.policy()))
                        .build());
        registerOutputs(Map.of());
    }

    private static Output<String> objects(Output<String> bucketArn) {
        return bucketArn.applyValue(arn -> arn + "/*");
    }

    private static BucketReplicationConfigRuleArgs rule(
            String id, Output<String> destinationArn, Output<String> destinationKey) {
        return BucketReplicationConfigRuleArgs.builder()
                .id(id)
                .status("Enabled")
                .priority(1)
                .filter(BucketReplicationConfigRuleFilterArgs.builder()
                        .prefix("")
                        .build())
                .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                        .status("Enabled")
                        .build())
                .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                        .sseKmsEncryptedObjects(
                                BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs.builder()
                                        .status("Enabled")
                                        .build())
                        .build())
                .destination(BucketReplicationConfigRuleDestinationArgs.builder()
                        .bucket(destinationArn)
                        .storageClass("STANDARD")
                        .encryptionConfiguration(
                                BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                                        .replicaKmsKeyId(destinationKey)
                                        .build())
                        .replicationTime(BucketReplicationConfigRuleDestinationReplicationTimeArgs.builder()
                                .status("Enabled")
                                .time(BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs.builder()
                                        .minutes(15)
                                        .build())
                                .build())
                        .metrics(BucketReplicationConfigRuleDestinationMetricsArgs.builder()
                                .status("Enabled")
                                .eventThreshold(
                                        BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs.builder()
                                                .minutes(15)
                                                .build())
                                .build())
                        .build())
                .build();
    }
}
