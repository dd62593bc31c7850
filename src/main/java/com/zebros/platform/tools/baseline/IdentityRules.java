package com.zebros.platform.tools.baseline;

import static com.zebros.platform.tools.offline.PlanInputs.at;
import static com.zebros.platform.tools.offline.PlanInputs.map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Who may do what, and where secrets may appear. */
final class IdentityRules {
    /** Statements whose actions AWS documents as taking no narrower resource than "*". */
    static final Set<String> UNSCOPABLE = Set.of("Tracing", "VendedLogs", "VpcNetworking");

    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_KEY|API_KEY).*|.*_TOKEN|TOKEN");

    private IdentityRules() {}

    static List<Rule> all() {
        return List.of(
                new Rule(
                        "IAM_LEAST_PRIVILEGE",
                        "a wildcard grant turns one compromised function into a compromised account",
                        "name the actions and the resources; use \"*\" only for actions IAM cannot scope, in a statement named for them",
                        (plan, findings) -> {
                            for (PlannedResource policy : plan.ofType(AwsTypes.IAM_ROLE_POLICY)) {
                                JsonObject doc = JsonParser.parseString(
                                                String.valueOf(policy.inputs().get("policy")))
                                        .getAsJsonObject();
                                for (JsonElement s : doc.getAsJsonArray("Statement")) {
                                    JsonObject statement = s.getAsJsonObject();
                                    String sid = statement.has("Sid")
                                            ? statement.get("Sid").getAsString()
                                            : "";
                                    String actions = statement.get("Action").toString();
                                    if (actions.contains("\"*\"") || actions.contains(":*\"")) {
                                        findings.breach(policy.name() + "/" + sid, "allows every action of a service");
                                    }
                                    if (statement.get("Resource").toString().equals("\"*\"")
                                            && !UNSCOPABLE.contains(sid)
                                            && !sid.startsWith("EcrLogin")) {
                                        findings.breach(policy.name() + "/" + sid, "applies to every resource");
                                    }
                                }
                            }
                        }),
                new Rule(
                        "NO_SECRET_IN_PLAIN_CONFIG",
                        "secrets in environment variables or outputs are readable by anyone who can describe the resource",
                        "pass secrets as Secrets Manager references (ECS secrets, a secret ARN in the environment); never export them",
                        (plan, findings) -> {
                            for (PlannedResource fn : plan.ofType(AwsTypes.LAMBDA_FUNCTION)) {
                                map(at(fn.inputs(), "environment", "variables")).keySet().stream()
                                        .filter(name ->
                                                SECRET_NAME.matcher(name).matches() && !name.endsWith("_ARN"))
                                        .forEach(name ->
                                                findings.breach(fn.name(), "has " + name + " in its environment"));
                            }
                            for (PlannedResource task : plan.ofType(AwsTypes.ECS_TASK_DEFINITION)) {
                                for (JsonElement c : JsonParser.parseString(
                                                String.valueOf(task.inputs().get("containerDefinitions")))
                                        .getAsJsonArray()) {
                                    for (JsonElement e : c.getAsJsonObject().getAsJsonArray("environment")) {
                                        String name =
                                                e.getAsJsonObject().get("name").getAsString();
                                        if (SECRET_NAME.matcher(name).matches()) {
                                            findings.breach(task.name(), "has " + name + " in its plain environment");
                                        }
                                    }
                                }
                            }
                            plan.outputs().forEach((name, value) -> {
                                if (String.valueOf(value).contains("[secret]")) {
                                    findings.breach("output " + name, "carries a secret");
                                }
                            });
                        }));
    }
}
