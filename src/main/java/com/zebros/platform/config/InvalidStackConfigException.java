package com.zebros.platform.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem of a stack's config at once, thrown before any resource is registered. */
public final class InvalidStackConfigException extends RuntimeException {
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
