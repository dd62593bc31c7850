package com.zebros.crm.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;

/**
 * DynamoDB Local's own request handler (in memory) behind a Jetty connector bound to 127.0.0.1 only.
 * DynamoDB Local's launcher listens on every interface ({@code new Server(port)}) and, unless told
 * {@code -disableTelemetry}, reports to AWS; it has no option to choose the address, and the data it
 * serves is every local tenant's, unauthenticated. Building the server here keeps it on loopback and
 * never sets telemetry up.
 *
 * <p>The fault suite stops and restarts the listener (the data stays: the handler and its database
 * live on) and puts faults on the wire in front of the real handler: every request delayed, or
 * answered with DynamoDB's throttling error.
 */
public final class LocalDynamoServer implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;
    private final Faults faults;

    public LocalDynamoServer(int port) {
        try {
            var handler = new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(0, true, null, false, false),
                    // CORS for one origin nobody serves: no web page a developer visits can read the tables.
                    "http://127.0.0.1:1");
            jetty = new Server();
            connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            jetty.addConnector(connector);
            faults = new Faults(handler);
            ContextHandler context = new ContextHandler();
            context.setHandler(faults);
            jetty.setHandler(context);
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "DynamoDB Local did not start: " + e.getMessage()
                            + " (run through Maven, which sets sqlite4java.library.path)",
                    e);
        }
    }

    public int port() {
        return connector.getLocalPort() > 0 ? connector.getLocalPort() : connector.getPort();
    }

    public String host() {
        return connector.getHost();
    }

    /** Closes the listening socket, as a database that went away: connections are refused. The data stays. */
    public void stopListening() {
        try {
            connector.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop DynamoDB Local's listener", e);
        }
    }

    /** Listens again on the same port, with the data it had. */
    public void startListening() {
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not restart DynamoDB Local's listener on " + port(), e);
        }
    }

    /** Every request waits {@code delay} before DynamoDB Local sees it (zero: none). */
    public void delay(Duration delay) {
        delay(delay, 0);
    }

    /** The next {@code passing} requests go straight through; every one after waits {@code delay}. */
    public void delay(Duration delay, int passing) {
        faults.passing.set(passing);
        faults.delayMillis = delay.toMillis();
    }

    /** Every request is answered with DynamoDB's throttling error instead of being served (false: none). */
    public void throttle(boolean on) {
        faults.throttle = on;
    }

    /**
     * The next {@code count} TransactWriteItems calls are cancelled as DynamoDB cancels a transaction that meets
     * another one on the same item (reason {@code TransactionConflict}), without being served: what concurrent
     * writes to one tenant's totals item meet in AWS, which DynamoDB Local, serving one request at a time, never does.
     */
    public void conflictTransactions(int count) {
        faults.conflicts.set(count);
    }

    /** No faults: requests go straight to DynamoDB Local. */
    public void heal() {
        delay(Duration.ZERO);
        throttle(false);
        conflictTransactions(0);
        if (!connector.isRunning()) {
            startListening();
        }
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping an in-memory server loses nothing
        }
    }

    /** The faults put between the wire and the real handler. */
    private static final class Faults extends Handler.Wrapper {
        /**
         * DynamoDB's error as its JSON protocol sends it: status 400 and the exception's type
         * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html);
         * the SDK retries it with back-off and then throws ProvisionedThroughputExceededException.
         */
        private static final byte[] THROTTLED = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                        + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned "
                        + "throughput for the table was exceeded.\"}")
                .getBytes(StandardCharsets.UTF_8);

        /**
         * A transaction cancelled for a conflict, as DynamoDB sends it: the exception with one reason per action
         * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html, "Errors").
         */
        private static final byte[] CONFLICT = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                        + "TransactionCanceledException\",\"Message\":\"Transaction cancelled, please refer cancellation reasons "
                        + "for specific reasons [TransactionConflict]\",\"CancellationReasons\":[{\"Code\":\"TransactionConflict\","
                        + "\"Message\":\"Transaction is ongoing for the item\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        volatile long delayMillis;
        volatile boolean throttle;
        final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger passing = new java.util.concurrent.atomic.AtomicInteger();

        Faults(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (delayMillis > 0 && passing.getAndDecrement() <= 0) {
                Thread.sleep(delayMillis);
            }
            if (throttle) {
                return error(response, callback, THROTTLED);
            }
            if ("DynamoDB_20120810.TransactWriteItems"
                            .equals(request.getHeaders().get("X-Amz-Target"))
                    && conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return error(response, callback, CONFLICT);
            }
            return super.handle(request, response, callback);
        }

        private static boolean error(Response response, Callback callback, byte[] body) {
            response.setStatus(400);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
