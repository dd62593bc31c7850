package com.zebros.platform.tools.offline;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import com.zebros.platform.ZebrosStack;
import com.zebros.platform.config.StackSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real program on Pulumi's mock engine and collects what it registers: the offline plan.
 * The same runner backs {@code plan}, {@code promote} and the tests, so what the tests assert is
 * what a person sees.
 */
public final class OfflinePlanner {

    private OfflinePlanner() {}

    public static Plan plan(StackSettings settings) {
        return plan(settings, Map.of());
    }

    /** Plans {@code settings}; {@code primaryOutputs} answer a secondary's StackReference. */
    public static synchronized Plan plan(StackSettings settings, Map<String, Object> primaryOutputs) {
        var mocks = new PlanMocks(settings.region(), primaryOutputs);
        var monitor = new RecordingMonitor(mocks);
        var order = new ProgramOrder();
        var options = TestOptions.builder()
                .projectName(settings.project())
                .stackName(settings.stack())
                .preview(false)
                .resourceTransformations(List.of(order.recorder()))
                .build();
        try {
            // The internal builder, because only it lets the plan see the wire format (secrets).
            TestResult result = PulumiTestInternal.builder()
                    .options(options)
                    .mocks(mocks)
                    .monitorDecorator(ignored -> monitor)
                    .deploymentFactory(OfflinePlanner::withCountingRunner)
                    .build()
                    .runTest(ctx -> ZebrosStack.define(ctx, settings));
            if (!result.exceptions().isEmpty()) {
                configProblem(result.exceptions()).ifPresent(e -> {
                    throw e;
                });
                RuntimeException failure = new IllegalStateException(
                        "the program failed under the mock engine: "
                                + result.exceptions().get(0).getMessage(),
                        result.exceptions().get(0));
                result.exceptions().stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException("the program logged errors: " + String.join("; ", result.errors()));
            }
            return PlanCollector.collect(settings, result, mocks, monitor, order);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static DeploymentInternal withCountingRunner(DeploymentImpl.DeploymentState state) {
        state.runner = new CountingRunner(() -> state.logger);
        return new DeploymentImpl(state);
    }

    /** A config error found while the program ran (a secondary's primary check) stays a config error. */
    private static Optional<com.zebros.platform.config.InvalidStackConfigException> configProblem(
            List<Exception> exceptions) {
        for (Throwable e : exceptions) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof com.zebros.platform.config.InvalidStackConfigException config) {
                    return Optional.of(config);
                }
            }
        }
        return Optional.empty();
    }
}
