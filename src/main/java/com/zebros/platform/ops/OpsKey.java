package com.zebros.platform.ops;

import com.zebros.platform.CanonicalJson;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.zebros.platform.StatefulOptions;
import java.util.List;
import java.util.Map;

/**
 * The key of the stack's operational data: its log groups and its alarm topic. CloudWatch Logs and
 * CloudWatch alarms act as themselves, not as a caller, so the key policy names them (logs only for
 * this account's log groups in this region); the account keeps full control through IAM.
 */
public final class OpsKey extends com.pulumi.resources.ComponentResource {
    private final com.pulumi.aws.kms.Key key;

    public OpsKey(boolean protect, String name, String alias, String region, Output<String> accountId,
                  ProviderResource provider) {
        super("zebros:ops:OpsKey", name);
        Output<String> policy = accountId.applyValue(account -> policy(account, region));
        key = new com.pulumi.aws.kms.Key(name, com.pulumi.aws.kms.KeyArgs.builder()
                .description("Zebros CRM logs and alarms")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(policy)
                .build(), StatefulOptions.kmsKey(protect, this, provider));
        new com.pulumi.aws.kms.Alias(name + "-alias", com.pulumi.aws.kms.AliasArgs.builder()
                .name("alias/" + alias).targetKeyId(key.keyId()).build(), CustomResourceOptions.builder().parent(this).provider(provider).build());
        registerOutputs(Map.of("arn", key.arn()));
    }

    static String policy(String account, String region) {
        var root = Map.of("Sid", "AccountAdministers", "Effect", "Allow",
                "Principal", Map.of("AWS", "arn:aws:iam::" + account + ":root"), "Action", "kms:*", "Resource", "*");
        var logs = Map.of("Sid", "LogsEncryptThisAccountsLogGroups", "Effect", "Allow",
                "Principal", Map.of("Service", "logs." + region + ".amazonaws.com"),
                "Action", List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
                "Resource", "*",
                "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:aws:logs:" + region + ":" + account + ":log-group:*")));
        var alarms = Map.of("Sid", "AlarmsPublishToTheEncryptedTopic", "Effect", "Allow",
                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*");
        return CanonicalJson.write(Map.of("Version", "2012-10-17", "Statement", List.of(root, logs, alarms)));
    }

    public Output<String> arn() {
        return key.arn();
    }
}
