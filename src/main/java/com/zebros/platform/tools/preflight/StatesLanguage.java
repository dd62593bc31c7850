package com.zebros.platform.tools.preflight;

import com.google.gson.Gson;
import com.zebros.platform.tools.offline.PlanInputs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a validator can check of an Amazon States Language definition offline (the language:
 * https://states-language.net/spec.html; service integrations:
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-supported-services.html): states that
 * exist, are reachable and end, Next/End on every state that needs one, Choice rules, Retry and Catch
 * shapes, and Task resources that are a Lambda function, an activity or a known integration.
 */
final class StatesLanguage {
    static final String SPEC = "https://states-language.net/spec.html";
    private static final Gson GSON = new Gson();
    private static final Set<String> TYPES =
            Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");
    private static final Set<String> NEEDS_NEXT_OR_END = Set.of("Task", "Pass", "Wait", "Parallel", "Map");
    /** Optimised integrations: service:action with the patterns each allows (request-response is always allowed). */
    private static final Pattern INTEGRATION = Pattern.compile("arn:aws:states:::(lambda:invoke(\\.waitForTaskToken)?"
            + "|dynamodb:(getItem|putItem|updateItem|deleteItem)"
            + "|ecs:runTask(\\.sync|\\.waitForTaskToken)?"
            + "|sqs:sendMessage(\\.waitForTaskToken)?"
            + "|sns:publish(\\.waitForTaskToken)?"
            + "|states:startExecution(\\.sync(:2)?|\\.waitForTaskToken)?"
            + "|events:putEvents(\\.waitForTaskToken)?"
            + "|aws-sdk:[a-z0-9]+:[a-zA-Z0-9]+)");

    private static final Pattern FUNCTION_OR_ACTIVITY =
            Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?"
                    + "|arn:aws:states:[a-z0-9-]+:\\d{12}:activity:[A-Za-z0-9_-]+");

    private StatesLanguage() {}

    static List<String> problems(String definition) {
        List<String> problems = new ArrayList<>();
        try {
            machine(PlanInputs.map(GSON.fromJson(definition, Object.class)), "", problems);
        } catch (RuntimeException e) {
            problems.add("is not valid JSON");
        }
        return problems;
    }

    private static void machine(Map<String, Object> machine, String at, List<String> problems) {
        Map<String, Object> states = PlanInputs.map(machine.get("States"));
        Object start = machine.get("StartAt");
        if (states.isEmpty()) {
            problems.add(at + "has no States");
            return;
        }
        if (!(start instanceof String s) || !states.containsKey(s)) {
            problems.add(at + "StartAt names no state: " + start);
            return;
        }
        states.forEach((name, state) -> state(name, PlanInputs.map(state), states.keySet(), at, problems));
        Set<String> reached = reachable(s, states);
        states.keySet().stream()
                .filter(n -> !reached.contains(n))
                .forEach(n -> problems.add(at + "state " + n + " cannot be reached from StartAt"));
    }

    private static void state(
            String name, Map<String, Object> state, Set<String> names, String at, List<String> problems) {
        String where = at + "state " + name + " ";
        Object type = state.get("Type");
        if (!TYPES.contains(String.valueOf(type))) {
            problems.add(where + "has an unknown Type " + type);
            return;
        }
        boolean end = Boolean.TRUE.equals(state.get("End"));
        if (NEEDS_NEXT_OR_END.contains(type) && state.containsKey("Next") == end) {
            problems.add(where + "needs exactly one of Next and End: true");
        }
        if (!NEEDS_NEXT_OR_END.contains(type) && (state.containsKey("Next") || state.containsKey("End"))) {
            problems.add(where + "(" + type + ") may have neither Next nor End");
        }
        target(state.get("Next"), names, where + "Next", problems);
        if ("Task".equals(type)) {
            String resource = String.valueOf(state.get("Resource"));
            if (!INTEGRATION.matcher(resource).matches()
                    && !FUNCTION_OR_ACTIVITY.matcher(resource).matches()) {
                problems.add(where + "has a Resource that is no Lambda function, activity or service integration: "
                        + resource);
            }
        }
        if ("Choice".equals(type)) {
            List<Object> choices = PlanInputs.list(state.get("Choices"));
            if (choices.isEmpty()) {
                problems.add(where + "has no Choices");
            }
            choices.forEach(c -> target(PlanInputs.map(c).get("Next"), names, where + "choice Next", problems));
            if (state.containsKey("Default")) {
                target(state.get("Default"), names, where + "Default", problems);
            }
        }
        if ("Wait".equals(type)
                && List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").stream()
                                .filter(state::containsKey)
                                .count()
                        != 1) {
            problems.add(where + "needs exactly one of Seconds, Timestamp, SecondsPath and TimestampPath");
        }
        retries(PlanInputs.list(state.get("Retry")), where, problems);
        for (Object c : PlanInputs.list(state.get("Catch"))) {
            Map<String, Object> catcher = PlanInputs.map(c);
            errors(catcher.get("ErrorEquals"), where + "Catch", problems);
            target(catcher.get("Next"), names, where + "Catch Next", problems);
        }
        PlanInputs.list(state.get("Branches")).forEach(b -> machine(PlanInputs.map(b), where + "branch: ", problems));
        Object iterator = state.containsKey("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        if ("Map".equals(type)) {
            machine(PlanInputs.map(iterator), where + "iterator: ", problems);
        }
    }

    private static void retries(List<Object> retries, String where, List<String> problems) {
        for (Object r : retries) {
            Map<String, Object> retry = PlanInputs.map(r);
            errors(retry.get("ErrorEquals"), where + "Retry", problems);
            Double interval = Values.number(retry.get("IntervalSeconds"));
            Double attempts = Values.number(retry.get("MaxAttempts"));
            Double backoff = Values.number(retry.get("BackoffRate"));
            if (interval != null && (interval < 1 || interval != Math.rint(interval))) {
                problems.add(where + "Retry IntervalSeconds must be a whole number of at least 1");
            }
            if (attempts != null && (attempts < 0 || attempts != Math.rint(attempts))) {
                problems.add(where + "Retry MaxAttempts must be a whole number of at least 0");
            }
            if (backoff != null && backoff < 1) {
                problems.add(where + "Retry BackoffRate must be at least 1.0");
            }
        }
    }

    private static void errors(Object errorEquals, String where, List<String> problems) {
        List<Object> errors = PlanInputs.list(errorEquals);
        if (errors.isEmpty()) {
            problems.add(where + " needs a non-empty ErrorEquals");
        }
        if (errors.contains("States.ALL") && errors.size() > 1) {
            problems.add(where + " ErrorEquals must hold States.ALL alone");
        }
    }

    private static void target(Object next, Set<String> names, String where, List<String> problems) {
        if (next != null && !names.contains(String.valueOf(next))) {
            problems.add(where + " names no state: " + next);
        }
    }

    private static Set<String> reachable(String start, Map<String, Object> states) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name) || !states.containsKey(name)) {
                continue;
            }
            Map<String, Object> state = PlanInputs.map(states.get(name));
            List<Object> next = new ArrayList<>();
            next.add(state.get("Next"));
            next.add(state.get("Default"));
            PlanInputs.list(state.get("Choices"))
                    .forEach(c -> next.add(PlanInputs.map(c).get("Next")));
            PlanInputs.list(state.get("Catch"))
                    .forEach(c -> next.add(PlanInputs.map(c).get("Next")));
            next.stream().filter(n -> n != null).forEach(n -> queue.add(String.valueOf(n)));
        }
        return seen;
    }
}
