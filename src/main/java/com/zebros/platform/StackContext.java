package com.zebros.platform;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.naming.Naming;
import java.util.List;

/**
 * What every component needs to know about the stack it is part of: its settings, the provider of
 * its region, the naming helper, the account, the availability zones, the key that encrypts its logs
 * and alarm notifications and how long its logs are kept. Not the phase table: what a phase sizes
 * reaches each component in its own Args, decided by the composition root ({@code ZebrosStack}).
 */
public record StackContext(
        StackSettings settings,
        Provider provider,
        Naming naming,
        Output<String> accountId,
        Output<List<String>> zones,
        Output<String> opsKeyArn,
        int logRetentionDays) {

    /** How many availability zones the network spans: three, so DAX can spread in phase 3. */
    public static final int ZONE_COUNT = 3;

    /** What the stack's role changes, decided in one place. */
    public RoleDecisions decisions() {
        return new RoleDecisions(settings.role(), settings.phases());
    }

    /** The stack's name: what physical names and secret paths carry. */
    public String stackName() {
        return settings.stack();
    }

    /** Whether stateful resources are protected and kept on removal (false only for throw-away stacks). */
    public boolean deletionProtection() {
        return settings.deletionProtection();
    }

    /** The names the stack serves under and the hosted zone that holds them. */
    public Dns dns() {
        return new Dns(settings.hostedZoneId(), settings.domain(), settings.apiHost(), settings.authHost());
    }

    /**
     * @param hostedZoneId the Route 53 zone that holds {@code domain}
     * @param domain       the stack's domain, e.g. crm.example.com
     * @param apiHost      the API's shared name, {@code api.<domain>}
     * @param authHost     Keycloak's shared name, {@code auth.<domain>}
     */
    public record Dns(String hostedZoneId, String domain, String apiHost, String authHost) {
    }

    public String region() {
        return settings.region();
    }

    public Output<String> zone(int index) {
        return zones.applyValue(z -> z.get(index % z.size()));
    }
}
