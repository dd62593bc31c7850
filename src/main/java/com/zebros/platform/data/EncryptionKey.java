package com.zebros.platform.data;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.iam.PolicyDocument;
import java.util.List;

/**
 * A customer-managed KMS key with yearly rotation and an alias. Keys are stateful: data encrypted
 * under a deleted key is lost, so they are protected and wait 30 days before deletion.
 */
public final class EncryptionKey {
    private final Key key;

    public EncryptionKey(boolean protect, String name, String alias, String description, Resource parent,
                         ProviderResource provider) {
        this(protect, name, alias, description, null, parent, provider);
    }

    /** A key with its own key policy, for services (CloudWatch Logs) that need to be named in it. */
    public EncryptionKey(boolean protect, String name, String alias, String description, Output<String> policy,
                         Resource parent, ProviderResource provider) {
        var args = KeyArgs.builder()
                .description(description)
                .enableKeyRotation(true)
                .deletionWindowInDays(30);
        if (policy != null) {
            args.policy(policy);
        }
        this.key = new Key(name, args.build(), StatefulOptions.kmsKey(protect, parent, provider));
        new Alias(name + "-alias", AliasArgs.builder()
                .name("alias/" + alias)
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(parent).provider(provider).build());
    }

    public Output<String> arn() {
        return key.arn();
    }

    public Key resource() {
        return key;
    }

    public void grantDecrypt(PolicyDocument policy, String sid) {
        policy.allow(sid, List.of("kms:Decrypt", "kms:DescribeKey"), List.of(key.arn()));
    }

    public void grantEncryptDecrypt(PolicyDocument policy, String sid) {
        policy.allow(sid, List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of(key.arn()));
    }
}
