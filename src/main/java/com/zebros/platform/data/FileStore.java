package com.zebros.platform.data;

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
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.iam.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * The CRM's file store: imports, exports and reports. KMS-encrypted with a bucket key (fewer KMS
 * calls), versioned (S3 replication needs it, S3-01, and it undoes an accidental overwrite), no
 * public access of any kind, ACLs disabled, and a policy that refuses any request not made over TLS.
 *
 * <p>Prefixes: {@code imports/}, {@code exports/}, {@code reports/}, {@code tmp/} (phase 2 expires it).
 */
public final class FileStore extends ZebrosComponent {
    private final EncryptionKey key;
    private final BucketV2 bucket;
    private final BucketVersioningV2 versioning;

    public FileStore(String name, StackContext stack) {
        super("zebros:data:FileStore", name, stack);
        key = new EncryptionKey(name + "-key", stack.naming().physical("files"),
                "Zebros CRM file store of stack " + stack.settings().stack(), this, stack.provider());
        bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(stack.naming().bucket("files", stack.accountId()))
                .forceDestroy(false)
                .build(), StatefulOptions.bucket(this, stack.provider()));
        versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child());
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                                .sseAlgorithm("aws:kms")
                                                .kmsMasterKeyId(key.arn())
                                                .build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), child());
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child());
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child());
        // After the public access block, so S3 never sees a policy on an unguarded bucket.
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(FileStore::tlsOnlyPolicy))
                .build(), childAfter(publicAccess));
        registerOutputs(Map.of("bucketName", bucket.bucket()));
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
        policy.allow(sid, List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"),
                List.of(bucket.arn().applyValue(arn -> arn + "/" + prefix + "*")));
        key.grantEncryptDecrypt(policy, sid + "Key");
    }

    public void grantRead(PolicyDocument policy, String sid, String prefix) {
        policy.allow(sid, List.of("s3:GetObject"), List.of(bucket.arn().applyValue(arn -> arn + "/" + prefix + "*")));
        key.grantDecrypt(policy, sid + "Key");
    }
}
