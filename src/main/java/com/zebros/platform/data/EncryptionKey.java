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
import java.util.Optional;

/**
 * A customer-managed KMS key with yearly rotation and an alias. Keys are stateful: data encrypted
 * under a deleted key is lost, so they are protected and wait 30 days before deletion.
 */
public final class EncryptionKey {
    private final Key key;

    /**
     * @param alias       the key's alias, without {@code alias/}
     * @param description what the key protects
     * @param protect     whether the key is protected and retained when its stack is destroyed
     * @param policy      a key policy of its own, for services (CloudWatch Logs) that must be named in it; empty,
     *                    the account's default policy
     */
    public record Args(String alias, String description, boolean protect, Optional<Output<String>> policy) {
        /** A key under the account's default policy. */
        public static Args of(String alias, String description, boolean protect) {
            return new Args(alias, description, protect, Optional.empty());
        }
    }

    /**
     * @param parent   the component the key belongs to
     * @param provider the region's provider: a key never leaves its region
     */
    public EncryptionKey(String name, Args args, Resource parent, ProviderResource provider) {
        var keyArgs = KeyArgs.builder()
                .description(args.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(30);
        args.policy().ifPresent(keyArgs::policy);
        this.key = new Key(name, keyArgs.build(), StatefulOptions.kmsKey(args.protect(), parent, provider));
        new Alias(
                name + "-alias",
                AliasArgs.builder()
                        .name("alias/" + args.alias())
                        .targetKeyId(key.keyId())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(parent)
                        .provider(provider)
                        .build());
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
        policy.allow(
                sid,
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of(key.arn()));
    }
}
