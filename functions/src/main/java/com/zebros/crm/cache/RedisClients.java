package com.zebros.crm.cache;

import com.zebros.crm.faults.Timeouts;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Redis client the stack's environment describes: {@code REDIS_ENDPOINT} ({@code rediss://} for
 * TLS), its AUTH token from {@code REDIS_TOKEN_SECRET_ARN} (Secrets Manager, read when the client is
 * built, never logged) and {@code REDIS_CLUSTER_MODE}. Called by {@link RedisItemCache} on first use,
 * so an unreachable Redis or Secrets Manager costs the cache, not the function's start.
 */
public final class RedisClients {
    /** A cluster command tries twice (a redirect, or a node gone), not Jedis's five, so a dead cluster costs about 400 ms. */
    private static final int CLUSTER_ATTEMPTS = 2;

    private RedisClients() {}

    public static UnifiedJedis connect(Map<String, String> env, Region region, SdkHttpClient http) {
        URI endpoint = URI.create(env.get("REDIS_ENDPOINT"));
        String token = env.get("REDIS_TOKEN");
        if (token == null && env.containsKey("REDIS_TOKEN_SECRET_ARN")) {
            try (var secrets = SecretsManagerClient.builder()
                    .region(region)
                    .httpClient(http)
                    .overrideConfiguration(Timeouts::apply)
                    .build()) {
                token = secrets.getSecretValue(b -> b.secretId(env.get("REDIS_TOKEN_SECRET_ARN")))
                        .secretString();
            }
        }
        var config = DefaultJedisClientConfig.builder()
                .ssl("rediss".equals(endpoint.getScheme()))
                .password(token)
                .timeoutMillis((int) Timeouts.REDIS.toMillis())
                .build();
        HostAndPort node = new HostAndPort(endpoint.getHost(), endpoint.getPort());
        // In cluster mode the endpoint is the configuration endpoint and keys live on several shards.
        return "enabled".equals(env.get("REDIS_CLUSTER_MODE"))
                ? new JedisCluster(Set.of(node), config, CLUSTER_ATTEMPTS)
                : new JedisPooled(node, config);
    }
}
