package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.support.PlannedStack;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The webhooks' delivery path as every stack plans it, held to the rules AWS applies: a FIFO queue's name ends in
 * ".fifo" within SQS's 80 characters and its dead-letter queue is FIFO too
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html, QueueName;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html); a queue
 * a Lambda function reads hides a message at least six times the function's timeout and hands a FIFO queue's
 * messages at most ten at a time (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
 */
class WebhookDeliveryPlanTest {
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";

    @ParameterizedTest(name = "{0} phase {1}")
    @CsvSource({"dev, 0", "dev, 1", "dev, 2", "dev, 3", "prod-us, 3", "prod-eu, 3"})
    void theDeliveryQueueIsAnEncryptedFifoQueueWithAFifoDeadLetterQueue(String stack, int phase) {
        PlannedStack plan = StackHarness.plan(stack, phase);
        Map<String, Object> queue = plan.inputs(QUEUE, "webhook-deliveries");
        Map<String, Object> deadLetters = plan.inputs(QUEUE, "webhook-dead-letters");
        for (Map<String, Object> q : List.of(queue, deadLetters)) {
            String name = String.valueOf(q.get("name"));
            assertTrue(name.endsWith(".fifo") && name.length() <= 80 && name.matches("[A-Za-z0-9_-]+\\.fifo"), name);
            assertEquals(true, q.get("fifoQueue"));
            assertEquals(true, q.get("sqsManagedSseEnabled"), "encrypted at rest");
        }
        JsonObject redrive = JsonParser.parseString(String.valueOf(queue.get("redrivePolicy")))
                .getAsJsonObject();
        assertTrue(redrive.get("deadLetterTargetArn").getAsString().endsWith(":" + deadLetters.get("name")));
        assertEquals(20, redrive.get("maxReceiveCount").getAsInt());
        long timeout =
                (Long) plan.inputs("aws:lambda/function:Function", "webhooks").get("timeout");
        assertTrue((Long) queue.get("visibilityTimeoutSeconds") >= 6 * timeout, "six times the function's timeout");

        Map<String, Object> deliveries = plan.inputs(MAPPING, "webhook-deliveries");
        assertTrue(String.valueOf(deliveries.get("eventSourceArn")).endsWith(":" + queue.get("name")));
        assertTrue((Long) deliveries.get("batchSize") <= 10);
        assertEquals(List.of("ReportBatchItemFailures"), deliveries.get("functionResponseTypes"));
        assertTrue(String.valueOf(deliveries.get("functionName")).endsWith("-webhooks:live"));
    }

    /** Only the active region sends events: a secondary's stream carries the same replicated history entries. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"dev, true", "prod-us, true", "prod-eu, false"})
    void theRecordEventsComeFromTheJobsStreamsHistoryInsertsInTheActiveRegionOnly(String stack, boolean active) {
        PlannedStack plan = StackHarness.plan(stack, 3);
        Map<String, Object> events = plan.inputs(MAPPING, "record-events");
        assertEquals(active, events.get("enabled"));
        String region = stack.equals("prod-eu") ? "eu-west-1" : "us-east-1";
        assertTrue(
                String.valueOf(events.get("eventSourceArn"))
                        .matches("arn:aws:dynamodb:" + region + ":\\d+:table/[a-z-]+-jobs/stream/.+"),
                "the jobs table's stream in the stack's own region: " + events.get("eventSourceArn"));
        Map<String, Object> filters = PlannedStack.map(events.get("filterCriteria"));
        JsonObject pattern = JsonParser.parseString(String.valueOf(PlannedStack.map(
                                PlannedStack.list(filters.get("filters")).get(0))
                        .get("pattern")))
                .getAsJsonObject();
        assertEquals("[\"INSERT\"]", pattern.get("eventName").toString());
        assertEquals(
                "[{\"prefix\":\"#history#\"}]",
                pattern.getAsJsonObject("dynamodb")
                        .getAsJsonObject("Keys")
                        .getAsJsonObject("jobId")
                        .get("S")
                        .toString());
    }

    @ParameterizedTest(name = "phase {0}")
    @CsvSource({"0", "2"})
    void onlyTheWebhooksRoleReadsTheQueueAndNoFunctionMayDeliverToPrivateAddresses(int phase) {
        PlannedStack plan = StackHarness.plan("dev", phase);
        for (PlannedResource policy : plan.all("aws:iam/rolePolicy:RolePolicy")) {
            String document = String.valueOf(policy.inputs().get("policy"));
            boolean reads = document.contains("sqs:ReceiveMessage") && document.contains("webhook-deliveries");
            assertEquals(policy.name().equals("webhooks-role-policy"), reads, policy.name());
        }
        for (PlannedResource function : plan.all("aws:lambda/function:Function")) {
            assertFalse(
                    String.valueOf(function.inputs().get("environment")).contains("WEBHOOKS_ALLOW_PRIVATE_TARGETS"),
                    function.name() + ": only local tests may deliver to private addresses");
        }
    }
}
