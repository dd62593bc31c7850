package com.zebros.platform.ops;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.zebros.platform.CanonicalJson;
import com.zebros.platform.data.EncryptionKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key of the stack's operational data: its log groups and its alarm topic. CloudWatch Logs and
 * CloudWatch alarms act as themselves, not as a caller, so the key policy names them (logs only for
 * this account's log groups in this region); the account keeps full control through IAM.
 */
public final class OpsKey extends com.pulumi.resources.ComponentResource {
    private final EncryptionKey key;

    /**
     * The ops key is made before the stack's context, which carries its ARN to every component, so it takes the
     * few facts it needs here.
     *
     * @param alias     the key's alias, without {@code alias/}
     * @param region    the region whose log groups it encrypts
     * @param accountId the account whose log groups it encrypts
     * @param protect   whether the key is protected and retained when its stack is destroyed
     * @param provider  the region's provider
     */
    public record Args(
            String alias, String region, Output<String> accountId, boolean protect, ProviderResource provider) {}

    public OpsKey(String name, Args args) {
        super("zebros:ops:OpsKey", name);
        String region = args.region();
        Output<String> policy = args.accountId().applyValue(account -> policy(account, region));
        // The same key shape as the data's keys, with a policy that names the services that use it.
        key = new EncryptionKey(
                name,
                new EncryptionKey.Args(args.alias(), "Zebros CRM logs and alarms", args.protect(), Optional.of(policy)),
                this,
                args.provider());
        registerOutputs(Map.of("arn", key.arn()));
    }

    static String policy(String account, String region) {
        var root = Map.of(
                "Sid",
                "AccountAdministers",
                "Effect",
                "Allow",
                "Principal",
                Map.of("AWS", "arn:aws:iam::" + account + ":root"),
                "Action",
                "kms:*",
                "Resource",
                "*");
        var logs = Map.of(
                "Sid",
                "LogsEncryptThisAccountsLogGroups",
                "Effect",
                "Allow",
                "Principal",
                Map.of("Service", "logs." + region + ".amazonaws.com"),
                "Action",
                List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
                "Resource",
                "*",
                "Condition",
                Map.of(
                        "ArnLike",
                        Map.of(
                                "kms:EncryptionContext:aws:logs:arn",
                                "arn:aws:logs:" + region + ":" + account + ":log-group:*")));
        var alarms = Map.of(
                "Sid",
                "AlarmsPublishToTheEncryptedTopic",
                "Effect",
                "Allow",
                "Principal",
                Map.of("Service", "cloudwatch.amazonaws.com"),
                "Action",
                List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                "Resource",
                "*");
        return CanonicalJson.write(Map.of("Version", "2012-10-17", "Statement", List.of(root, logs, alarms)));
    }

    public Output<String> arn() {
        return key.arn();
    }
}
