package com.zebros.platform;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Optional;

/**
 * A Secrets Manager secret and its value, the value a Pulumi secret end to end (it never appears in a plan or the
 * state in the clear). A protected stack keeps a deleted secret for 30 days, the most Secrets Manager allows;
 * a throw-away stack deletes it at once, so its name can be used again.
 *
 * @param name        the logical name of both resources
 * @param path        the secret's name in Secrets Manager, e.g. {@code zebros/dev/keycloak-db}
 * @param kmsKeyArn   the key that encrypts it; empty, Secrets Manager's own key (aws/secretsmanager)
 * @param value       the secret text
 * @param protect     whether the stack keeps deleted data (zebros:deletionProtection)
 */
public record StoredSecret(
        String name,
        String path,
        String description,
        Optional<Output<String>> kmsKeyArn,
        String value,
        boolean protect) {

    /** Creates the secret with {@code secretOptions} (protection, parent) and its version with {@code versionOptions}. */
    public Secret create(CustomResourceOptions secretOptions, CustomResourceOptions versionOptions) {
        var args = SecretArgs.builder().name(path).description(description).recoveryWindowInDays(protect ? 30 : 0);
        kmsKeyArn.ifPresent(args::kmsKeyId);
        var secret = new Secret(name, args.build(), secretOptions);
        new SecretVersion(
                name,
                SecretVersionArgs.builder()
                        .secretId(secret.id())
                        .secretString(Output.ofSecret(value))
                        .build(),
                versionOptions);
        return secret;
    }
}
