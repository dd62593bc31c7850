package com.zebros.platform.data;

import com.pulumi.aws.s3.BucketIntelligentTieringConfiguration;
import com.pulumi.aws.s3.BucketIntelligentTieringConfigurationArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketIntelligentTieringConfigurationTieringArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.iam.PolicyDocument;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRM's file store: imports, exports and reports. KMS-encrypted with a bucket key (fewer KMS
 * calls), versioned (S3 replication needs it,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration, and
 * it undoes an accidental overwrite), no public access of any kind, ACLs disabled, and a policy that refuses any
 * request not made over TLS.
 *
 * <p>Prefixes: {@code imports/}, {@code exports/}, {@code reports/}, {@code tmp/} (phase 2 expires it).
 */
public final class FileStore extends ZebrosComponent {
    private final EncryptionKey key;
    private final BucketV2 bucket;
    private final BucketVersioningV2 versioning;

    /** How S3 moves files to cheaper storage classes: by their age (lifecycle rules) or by their access pattern. */
    public enum Tiering {
        BY_AGE,
        BY_ACCESS
    }

    /**
     * How long files stay where: the seeds' S3 lifecycle tiering and Intelligent-Tiering, by phase.
     *
     * @param tiering the ways S3 moves files, none before the phase that tiers them
     */
    public record Args(Set<Tiering> tiering) {
        public Args {
            tiering = Set.copyOf(tiering);
        }

        public static Args forPhase(PhaseTable phases) {
            Set<Tiering> tiering = EnumSet.noneOf(Tiering.class);
            if (phases.s3Lifecycle()) {
                tiering.add(Tiering.BY_AGE);
            }
            if (phases.s3IntelligentTiering()) {
                tiering.add(Tiering.BY_ACCESS);
            }
            return new Args(tiering);
        }
    }

    public FileStore(String name, StackContext stack, Args lifecycle) {
        super("zebros:data:FileStore", name, stack);
        key = new EncryptionKey(
                name + "-key",
                EncryptionKey.Args.of(
                        stack.naming().physical("files"),
                        "Zebros CRM file store of stack " + stack.stackName(),
                        stack.deletionProtection()),
                this,
                stack.provider());
        bucket = new BucketV2(
                name,
                BucketV2Args.builder()
                        .bucket(stack.naming().bucket("files", stack.accountId()))
                        // A throw-away stack's bucket is emptied on destroy; a protected one never is.
                        .forceDestroy(!stack.deletionProtection())
                        .build(),
                StatefulOptions.bucket(stack.deletionProtection(), this, stack.provider()));
        versioning = new BucketVersioningV2(
                name + "-versioning",
                BucketVersioningV2Args.builder()
                        .bucket(bucket.id())
                        .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                .status("Enabled")
                                .build())
                        .build(),
                child());
        new BucketServerSideEncryptionConfigurationV2(
                name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder()
                                                .sseAlgorithm("aws:kms")
                                                .kmsMasterKeyId(key.arn())
                                                .build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(),
                child());
        var publicAccess = new BucketPublicAccessBlock(
                name + "-public-access",
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .blockPublicPolicy(true)
                        .ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build(),
                child());
        new BucketOwnershipControls(
                name + "-ownership",
                BucketOwnershipControlsArgs.builder()
                        .bucket(bucket.id())
                        .rule(BucketOwnershipControlsRuleArgs.builder()
                                .objectOwnership("BucketOwnerEnforced")
                                .build())
                        .build(),
                child());
        // After the public access block, so S3 never sees a policy on an unguarded bucket.
        new BucketPolicy(
                name + "-policy",
                BucketPolicyArgs.builder()
                        .bucket(bucket.id())
                        .policy(bucket.arn().applyValue(FileStore::tlsOnlyPolicy))
                        .build(),
                childAfter(publicAccess));
        lifecycle(
                name,
                lifecycle.tiering().contains(Tiering.BY_AGE),
                lifecycle.tiering().contains(Tiering.BY_ACCESS));
        registerOutputs(Map.of("bucketName", bucket.bucket()));
    }

    /**
     * Every phase: abandoned multipart uploads are removed after 7 days (their parts are billed and listed nowhere).
     * Phase 2: old files move to infrequent access, temporary exports expire, and old versions (kept because
     * replication needs versioning) do not pile up
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html). Phase 3 moves files to Intelligent-Tiering
     * instead, with its archive tiers (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Tiering.html).
     */
    private void lifecycle(String name, boolean tiering, boolean intelligentTiering) {
        var everything = BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                .prefix("")
                .build();
        List<BucketLifecycleConfigurationV2RuleArgs> rules = new ArrayList<>();
        rules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("abort-incomplete-uploads")
                .status("Enabled")
                .filter(everything)
                .abortIncompleteMultipartUpload(
                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7)
                                .build())
                .build());
        if (tiering) {
            rules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                    .id(intelligentTiering ? "intelligent-tiering" : "infrequent-access")
                    .status("Enabled")
                    .filter(everything)
                    // STANDARD_IA accepts only more than 30 days
                    // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html); Intelligent-Tiering
                    // accepts 0.
                    .transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                            .days(intelligentTiering ? 0 : 90)
                            .storageClass(intelligentTiering ? "INTELLIGENT_TIERING" : "STANDARD_IA")
                            .build())
                    .noncurrentVersionExpiration(
                            BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                    .noncurrentDays(90)
                                    .build())
                    .build());
            rules.add(expiring("expire-exports", "exports/", 30));
            rules.add(expiring("expire-tmp", "tmp/", 1));
        }
        new BucketLifecycleConfigurationV2(
                name + "-lifecycle",
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(rules)
                        .build(),
                childAfter(versioning));
        if (intelligentTiering) {
            new BucketIntelligentTieringConfiguration(
                    name + "-archive",
                    BucketIntelligentTieringConfigurationArgs.builder()
                            .bucket(bucket.id())
                            .name("archive")
                            .status("Enabled")
                            .tierings(
                                    BucketIntelligentTieringConfigurationTieringArgs.builder()
                                            .accessTier("ARCHIVE_ACCESS")
                                            .days(90)
                                            .build(),
                                    BucketIntelligentTieringConfigurationTieringArgs.builder()
                                            .accessTier("DEEP_ARCHIVE_ACCESS")
                                            .days(180)
                                            .build())
                            .build(),
                    child());
        }
    }

    private static BucketLifecycleConfigurationV2RuleArgs expiring(String id, String prefix, int days) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(id)
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                        .prefix(prefix)
                        .build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                        .days(days)
                        .build())
                .build();
    }

    static String tlsOnlyPolicy(String bucketArn) {
        return """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                   "Resource":["%1$s","%1$s/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                  {"Sid":"DenyOutdatedTls","Effect":"Deny","Principal":"*","Action":"s3:*",
                   "Resource":["%1$s","%1$s/*"],"Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"}}}
                ]}""".formatted(bucketArn);
    }

    public Output<String> bucketName() {
        return bucket.bucket();
    }

    public Output<String> bucketArn() {
        return bucket.arn();
    }

    public BucketV2 bucket() {
        return bucket;
    }

    public BucketVersioningV2 versioning() {
        return versioning;
    }

    public EncryptionKey key() {
        return key;
    }

    /** Read and write of objects under {@code prefix} (e.g. {@code reports/}), and nothing else. */
    public void grantReadWrite(PolicyDocument policy, String sid, String prefix) {
        policy.allow(
                sid,
                List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"),
                List.of(bucket.arn().applyValue(arn -> arn + "/" + prefix + "*")));
        key.grantEncryptDecrypt(policy, sid + "Key");
    }

    public void grantRead(PolicyDocument policy, String sid, String prefix) {
        policy.allow(sid, List.of("s3:GetObject"), List.of(bucket.arn().applyValue(arn -> arn + "/" + prefix + "*")));
        key.grantDecrypt(policy, sid + "Key");
    }
}
