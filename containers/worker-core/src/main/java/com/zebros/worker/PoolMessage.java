package com.zebros.worker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A message of the report pool's queue, as the state machine's {@code sqs:sendMessage.waitForTaskToken}
 * writes it: {@code {"job": {...}, "taskToken": "..."}}. The token is how the worker answers.
 */
public record PoolMessage(Job job, String taskToken) {

    public static PoolMessage parse(String body) {
        JsonObject object;
        try {
            JsonElement element = JsonParser.parseString(body);
            if (!element.isJsonObject()) {
                throw new BadJob("the pool's message is not a JSON object with job and taskToken");
            }
            object = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadJob("the pool's message is not JSON (" + e.getMessage() + ")");
        }
        JsonElement token = object.get("taskToken");
        if (token == null || !token.isJsonPrimitive() || token.getAsString().isBlank()) {
            throw new BadJob("the pool's message has no taskToken; only the job state machine may write to this queue");
        }
        JsonElement job = object.get("job");
        return new PoolMessage(Job.parse(job == null ? null : job.toString()), token.getAsString());
    }
}
