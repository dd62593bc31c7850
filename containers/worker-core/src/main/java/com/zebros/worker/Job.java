package com.zebros.worker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One job, as the API put it on the job queue and Step Functions hands it over (the {@code JOB}
 * environment variable, or the pool's message): {@code {tenantId, jobId, kind, parameters}}.
 * The state may add keys of its own (a retry's {@code task}, {@code error}); they are ignored.
 */
public record Job(String tenantId, String jobId, String kind, JsonObject parameters) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static Job parse(String json) {
        if (json == null || json.isBlank()) {
            throw new BadJob(
                    "no job was given: set JOB to the job's JSON {\"tenantId\", \"jobId\", \"kind\", \"parameters\"}"
                            + " or pass it as the first argument");
        }
        JsonObject object;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw new BadJob("the job must be a JSON object with tenantId, jobId, kind and parameters");
            }
            object = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadJob("the job is not valid JSON (" + e.getMessage() + ")");
        }
        String tenant = id(object, "tenantId");
        String job = id(object, "jobId");
        String kind = id(object, "kind");
        JsonElement parameters = object.get("parameters");
        if (parameters != null && !parameters.isJsonNull() && !parameters.isJsonObject()) {
            throw new BadJob("the job's parameters must be a JSON object");
        }
        return new Job(
                tenant,
                job,
                kind,
                parameters == null || parameters.isJsonNull() ? new JsonObject() : parameters.getAsJsonObject());
    }

    private static String id(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null
                || !value.isJsonPrimitive()
                || !ID.matcher(value.getAsString()).matches()) {
            throw new BadJob(
                    "the job's " + field + " is missing or not an id (letters, digits, '-' and '_', at most 64)");
        }
        return value.getAsString();
    }

    /** A string parameter that must be one of {@code allowed}. */
    public String choice(String name, Set<String> allowed) {
        String value = text(name);
        if (!allowed.contains(value)) {
            throw new BadJob("the job's parameter " + name + " is \"" + value + "\"; it must be one of "
                    + new TreeSet<>(allowed));
        }
        return value;
    }

    /** A required string parameter. */
    public String text(String name) {
        JsonElement value = parameters.get(name);
        if (value == null
                || !value.isJsonPrimitive()
                || !value.getAsJsonPrimitive().isString()) {
            throw new BadJob("the job has no parameter " + name + " (a string)");
        }
        return value.getAsString();
    }

    /** Refuses parameters the worker does not know, so a typo is not silently ignored. */
    public void allowOnly(Set<String> names) {
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                throw new BadJob("the job's parameter " + name + " is not one a " + kind + " job takes "
                        + (names.isEmpty() ? "(it takes none)" : "(it takes " + new TreeSet<>(names) + ")"));
            }
        }
    }

    /** The key of this job's result file under {@code prefix}: {@code prefix/tenant/jobId.extension}. */
    public String resultKey(String prefix, String extension) {
        return prefix + "/" + tenantId + "/" + jobId + "." + extension;
    }

    @Override
    public String toString() {
        return kind + " " + jobId + " of tenant " + tenantId;
    }
}
