package com.zebros.platform.config;

import java.util.Map;
import java.util.Optional;

/**
 * Everything a stack's config says, typed and validated. Built by {@link StackSettingsReader}
 * from the Pulumi engine's config or from the stack's YAML files; components read it, never the
 * raw config.
 */
public record StackSettings(
        String project,
        String stack,
        int phase,
        Role role,
        String region,
        Optional<String> peerRegion,
        Optional<String> primaryStack,
        String domain,
        String hostedZoneId,
        Optional<String> alarmEmail,
        String imageTag,
        String functionsArtifact,
        boolean deletionProtection,
        String vpcCidr,
        Map<String, Double> overrides,
        Secret dbMasterPassword,
        Secret keycloakAdminPassword,
        Secret redisAuthToken,
        RedisClusterMode redisClusterMode) {

    /** The phase table of this stack's phase with its overrides applied. */
    public PhaseTable phases() {
        return PhaseTable.of(phase, overrides);
    }

    /** The same stack planned at another phase: how {@code plan --phase} and {@code promote} look ahead. */
    public StackSettings atPhase(int otherPhase) {
        return new StackSettings(
                project,
                stack,
                otherPhase,
                role,
                region,
                peerRegion,
                primaryStack,
                domain,
                hostedZoneId,
                alarmEmail,
                imageTag,
                functionsArtifact,
                deletionProtection,
                vpcCidr,
                overrides,
                dbMasterPassword,
                keycloakAdminPassword,
                redisAuthToken,
                redisClusterMode);
    }

    /** The same stack with its Redis cluster-mode state set, as {@code promote} plans it. */
    public StackSettings withRedisClusterMode(RedisClusterMode mode) {
        return new StackSettings(
                project,
                stack,
                phase,
                role,
                region,
                peerRegion,
                primaryStack,
                domain,
                hostedZoneId,
                alarmEmail,
                imageTag,
                functionsArtifact,
                deletionProtection,
                vpcCidr,
                overrides,
                dbMasterPassword,
                keycloakAdminPassword,
                redisAuthToken,
                mode);
    }

    /** Whether this is the first of the two deployments into cluster mode. */
    public boolean redisCompatibleStep() {
        return redisClusterMode == RedisClusterMode.COMPATIBLE;
    }

    /** The hostname of the Keycloak realm, shared by both regions so tokens' issuer never changes. */
    public String authHost() {
        return "auth." + domain;
    }

    public String apiHost() {
        return "api." + domain;
    }
}
