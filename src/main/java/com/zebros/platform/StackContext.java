package com.zebros.platform;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.zebros.platform.naming.Naming;
import java.util.List;

/**
 * Where a component is built: the stack's name and region, the provider of that region, the naming
 * helper, the account, the availability zones, the names the stack serves under, the key that encrypts
 * its logs and alarm notifications, how long its logs are kept and whether stateful resources are
 * protected. Not the settings, the phase table or the role: what those decide reaches each component in
 * its own Args, from the composition root ({@code ZebrosStack}).
 *
 * @param stackName          what physical names and secret paths carry
 * @param region             the region the provider deploys to
 * @param dns                the names the stack serves under and the zone that holds them
 * @param deletionProtection whether stateful resources are protected and kept on removal (false only for
 *                           throw-away stacks)
 */
public record StackContext(
        String stackName,
        String region,
        Dns dns,
        boolean deletionProtection,
        Provider provider,
        Naming naming,
        Output<String> accountId,
        Output<List<String>> zones,
        Output<String> opsKeyArn,
        int logRetentionDays) {

    /** How many availability zones the network spans: three, so DAX can spread in phase 3. */
    public static final int ZONE_COUNT = 3;

    /**
     * @param hostedZoneId the Route 53 zone that holds {@code domain}
     * @param domain       the stack's domain, e.g. crm.example.com
     * @param apiHost      the API's shared name, {@code api.<domain>}
     * @param authHost     Keycloak's shared name, {@code auth.<domain>}
     */
    public record Dns(String hostedZoneId, String domain, String apiHost, String authHost) {}

    public Output<String> zone(int index) {
        return zones.applyValue(z -> z.get(index % z.size()));
    }
}
