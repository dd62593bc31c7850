package com.zebros.platform.config;

import com.pulumi.exceptions.RunException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem of a stack's config at once, thrown before any resource is registered.
 *
 * <p>A {@link RunException}: the Java SDK prints its message alone, where any other exception
 * becomes "Running program [PID] (...) failed with an unhandled exception" with the command line and
 * a stack trace (pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/deployment/internal/DeploymentImpl.java,
 * {@code handleExceptionAsync}). {@code BadConfigRegistersNothingTest.aConfigErrorReachesTheEngineAsThePlainMessage} holds it to that.
 */
public final class InvalidStackConfigException extends RunException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidStackConfigException(String stack, List<ConfigProblem> problems) {
        super(message(stack, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(String stack, List<ConfigProblem> problems) {
        String header = "Stack '" + stack + "' has " + problems.size() + " config problem"
                + (problems.size() == 1 ? "" : "s") + "; nothing was deployed:";
        return header + problems.stream().map(p -> "\n  - " + p.describe()).collect(Collectors.joining());
    }
}
