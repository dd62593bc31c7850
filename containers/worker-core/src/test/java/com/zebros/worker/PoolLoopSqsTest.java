package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.obs.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The report pool's loop against a real SQS server (ElasticMQ in this JVM): it takes the message the
 * state machine wrote, keeps it hidden with heartbeats while the job runs longer than the visibility
 * timeout, deletes it when done, and a message whose worker keeps dying lands in the dead-letter queue
 * after the redrive count. Step Functions has no local server: the task-token answers are recorded
 * through the {@link TaskTokens} interface the loop answers through.
 */
class PoolLoopSqsTest {
    /** Short timings so the test sees a visibility timeout pass: hidden 2 s, renewed every second. */
    private static final PoolLoop.Timing TIMING = new PoolLoop.Timing(2, 1, 1);

    private static SQSRestServer server;
    private static SqsClient sqs;
    private static int messagesSent;
    private static int messagesReceived;

    private final RecordedTokens tokens = new RecordedTokens();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private String queue;
    private String deadLetters;

    @BeforeAll
    static void startSqs() throws Exception {
        int port = com.zebros.crm.local.LocalDynamo.freePort();
        server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
        server.stopAndWait();
        System.out.printf(
                "SQS (ElasticMQ): %d messages sent, %d received by the pool loop's tests%n",
                messagesSent, messagesReceived);
    }

    @BeforeEach
    void queues() {
        String suffix = Long.toString(System.nanoTime());
        deadLetters =
                sqs.createQueue(r -> r.queueName("pool-dead-letters-" + suffix)).queueUrl();
        String deadLettersArn = sqs.getQueueAttributes(
                        r -> r.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        queue = sqs.createQueue(r -> r.queueName("pool-" + suffix)
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + deadLettersArn + "\",\"maxReceiveCount\":\"2\"}")))
                .queueUrl();
    }

    @AfterEach
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    @Test
    void aJobLongerThanTheVisibilityTimeoutStaysHiddenIsAnsweredAndDeleted() {
        send("{\"job\":" + job("rep_long") + ",\"taskToken\":\"token-long\"}");
        List<Integer> seenByOthers = Collections.synchronizedList(new ArrayList<>());
        PoolLoop loop = loop(job -> {
            sleep(3_500);
            // Past the 2 s visibility timeout: without the heartbeats another worker would get it now.
            seenByOthers.add(sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0))
                    .messages()
                    .size());
            return new JobRunner.Result(
                    JobRunner.Status.DONE, new Outcome("reports/t-1/rep_long.csv.gz", Map.of("rows", 3)), "done");
        });
        assertTrue(loop.pollOnce(heartbeats));
        messagesReceived++;
        assertEquals(List.of(0), seenByOthers, "the running job's message stayed hidden from other workers");
        assertTrue(tokens.heartbeats.get() >= 2, "heartbeats while it ran: " + tokens.heartbeats.get());
        assertEquals(
                List.of("success token-long {\"resultKey\":\"reports/t-1/rep_long.csv.gz\",\"summary\":{\"rows\":3}}"),
                tokens.answers);
        assertEquals(0, messagesIn(queue), "the message is deleted once the state machine has its answer");
    }

    @Test
    void aRejectedJobIsReportedAsBadJobAndDeleted() {
        send("{\"job\":" + job("rep_bad") + ",\"taskToken\":\"token-bad\"}");
        assertTrue(loop(job -> new JobRunner.Result(JobRunner.Status.REJECTED, null, "no such report type"))
                .pollOnce(heartbeats));
        messagesReceived++;
        assertEquals(List.of("failure token-bad BadJob no such report type"), tokens.answers);
        assertEquals(0, messagesIn(queue));
    }

    @Test
    void aMessageWhoseWorkerKeepsDyingLandsInTheDeadLetterQueue() throws Exception {
        String body = "{\"job\":" + job("rep_crash") + ",\"taskToken\":\"token-crash\"}";
        send(body);
        AtomicInteger attempts = new AtomicInteger();
        PoolLoop crashing = loop(job -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the worker died");
        });
        for (int receive = 1; receive <= 2; receive++) {
            assertThrows(IllegalStateException.class, () -> crashing.pollOnce(heartbeats));
            messagesReceived++;
            sleep(2_200); // past the visibility timeout: the message reappears
        }
        assertFalse(crashing.pollOnce(heartbeats), "past maxReceiveCount 2 the queue hands it out no more");
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(1))
                .messages();
        assertEquals(1, dead.size(), "the message moved to the dead-letter queue");
        assertEquals(body, dead.get(0).body());
        assertEquals(2, attempts.get());
        assertEquals(List.of(), tokens.answers, "a dead worker answers nothing; the state's heartbeat timeout does");
    }

    @Test
    void aMessageWithoutATaskTokenIsDroppedAndLogged() {
        send("{\"job\":" + job("rep_forged") + "}");
        var logs = new ByteArrayOutputStream();
        var loop = new PoolLoop(
                job -> {
                    throw new AssertionError("never run");
                },
                sqs,
                tokens,
                queue,
                new Log(new PrintStream(logs, true), Clock.systemUTC()),
                TIMING);
        assertTrue(loop.pollOnce(heartbeats));
        messagesReceived++;
        assertTrue(logs.toString().contains("unusable pool message dropped"), logs.toString());
        assertEquals(0, messagesIn(queue));
    }

    private PoolLoop loop(java.util.function.Function<Job, JobRunner.Result> runner) {
        return new PoolLoop(
                runner,
                sqs,
                tokens,
                queue,
                new Log(new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()),
                TIMING);
    }

    private void send(String body) {
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
        messagesSent++;
    }

    private static String job(String id) {
        return "{\"tenantId\":\"t-1\",\"jobId\":\"" + id
                + "\",\"kind\":\"report\",\"parameters\":{\"type\":\"pipeline\"}}";
    }

    private static int messagesIn(String url) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The state machine's side of the task tokens, recorded. */
    private static final class RecordedTokens implements TaskTokens {
        final AtomicInteger heartbeats = new AtomicInteger();
        final List<String> answers = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void heartbeat(String token) {
            heartbeats.incrementAndGet();
        }

        @Override
        public void success(String token, String outputJson) {
            answers.add("success " + token + " " + outputJson);
        }

        @Override
        public void failure(String token, String error, String cause) {
            answers.add("failure " + token + " " + error + " " + cause);
        }
    }
}
