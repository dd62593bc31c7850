package com.zebros.platform;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.exceptions.RunException;
import com.zebros.platform.config.ConfigSource;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.config.StackSettingsReader;
import com.zebros.platform.tools.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The entry point. With no arguments it is the Pulumi program ({@code pulumi up} runs it); with
 * arguments it is the command line of {@link Cli} (the offline plan).
 */
public final class App {
    /** The config namespace: the project's name, as the Pulumi CLI requires of typed keys. */
    static final String NAMESPACE = "zebros";

    private App() {}

    public static void main(String[] args) {
        AsyncPool.useCommonPool();
        if (args.length == 0) {
            Pulumi.run(App::deploy);
            return;
        }
        // The mock engine logs every program failure at length; the command line says it once, plainly.
        java.util.logging.LogManager.getLogManager().reset();
        int code = new Cli(Path.of("").toAbsolutePath(), System.out, System.err).run(args);
        System.out.flush();
        // Pulumi's runtime leaves non-daemon threads behind; the exit code is the answer.
        Runtime.getRuntime().halt(code);
    }

    /** A real deployment: validate everything first, so bad config registers no resource. */
    static void deploy(Context ctx) {
        StackSettings settings = StackSettingsReader.read(
                ctx.projectName(), ctx.stackName(), engineConfig(ctx), StackSettingsReader.SecretsMode.REQUIRED);
        requireArtifact(settings);
        ZebrosStack.define(ctx, settings);
    }

    /**
     * The stack's {@code zebros:} config as the engine hands it over. The engine also says which keys
     * the stack file holds encrypted, so a secret written in plain text is refused here too, whether
     * or not Pulumi.yaml declares it.
     */
    private static ConfigSource engineConfig(Context ctx) {
        var config = ctx.config(NAMESPACE);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return config.get(key);
            }

            @Override
            public boolean isStoredEncrypted(String key) {
                return config.get(key).isEmpty()
                        || DeploymentInternal.getInstance().isConfigSecret(NAMESPACE + ":" + key);
            }
        };
    }

    /** A real deployment uploads the functions' jar; without it, say which command builds it. */
    static void requireArtifact(StackSettings settings) {
        Path artifact = Path.of(settings.functionsArtifact());
        if (!Files.isRegularFile(artifact)) {
            throw new RunException("The Lambda artifact " + artifact.toAbsolutePath() + " does not exist. "
                    + "Build it first: mvn -q -f functions/pom.xml package");
        }
    }
}
