package com.zebros.platform.ops;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.zebros.platform.CanonicalJson;
import com.zebros.platform.data.EncryptionKey;
import java.util.List;
import java.util.Map;

/**
 * The key of the stack's operational data: its log groups and its alarm topic. CloudWatch Logs and
 * CloudWatch alarms act as themselves, not as a caller, so the key policy names them (logs only for
 * this account's log groups in this region); the account keeps full control through IAM.
 */
public final class OpsKey extends com.pulumi.resources.ComponentResource {
    private final EncryptionKey key;

    public OpsKey(boolean protect, String name, String alias, String region, Output<String> accountId,
                  ProviderResource provider) {
        super("zebros:ops:OpsKey", name);
        Output<String> policy = accountId.applyValue(account -> policy(account, region));
        // The same key shape as the data's keys, with a policy that names the services that use it.
        key = new EncryptionKey(protect, name, alias, "Zebros CRM logs and alarms", policy, this, provider);
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
