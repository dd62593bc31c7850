package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.LocalServer;
import com.zebros.crm.local.LocalSqs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starting a job sends its real message: the API's job start on a local server whose job queue is a
 * real SQS server (ElasticMQ in this JVM), the message read back from that queue.
 */
class JobQueueSqsTest {
    private static LocalSqs localSqs;
    private static SqsClient sqs;
    private static String queue;
    private static LocalServer api;

    @BeforeAll
    static void start() throws Exception {
        localSqs = new LocalSqs();
        sqs = localSqs.client();
        String endpoint = localSqs.endpoint();
        queue = sqs.createQueue(r -> r.queueName("zebros-test-job-queue")).queueUrl();
        api = new LocalServer(0, Map.of("JOB_QUEUE_URL", queue, "SQS_ENDPOINT", endpoint));
    }

    @AfterAll
    static void stop() {
        api.close();
        localSqs.close();
    }

    @Test
    void startingAReportSendsItsJobToTheQueue() throws Exception {
        String token = api.issuer().token("sqs-tenant", "user-of-sqs-tenant", List.of(Principal.ADMIN));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.url() + "/v1/reports"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"pipeline\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        String jobId = JsonParser.parseString(response.body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        var messages =
                sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(5)).messages();
        assertEquals(1, messages.size(), "one message on the job queue");
        JsonObject job = JsonParser.parseString(messages.get(0).body()).getAsJsonObject();
        assertEquals(jobId, job.get("jobId").getAsString());
        assertEquals("report", job.get("kind").getAsString());
        assertEquals("sqs-tenant", job.get("tenantId").getAsString());
        assertEquals("pipeline", job.getAsJsonObject("parameters").get("type").getAsString());
        sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(messages.get(0).receiptHandle()));
    }
}
