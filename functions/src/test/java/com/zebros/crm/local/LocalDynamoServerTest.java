package com.zebros.crm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The local server's DynamoDB holds every local tenant's data with no authentication: it listens on
 * loopback only and reports nothing to AWS.
 */
class LocalDynamoServerTest {

    @Test
    void itListensOnLoopbackOnlyAndAnswersThere() throws IOException {
        try (LocalDynamo dynamo = new LocalDynamo()) {
            int port = dynamo.server().port();
            assertEquals("127.0.0.1", dynamo.server().host());
            assertTrue(dynamo.client().listTables().tableNames().size() >= 5, "the tables answer on 127.0.0.1");
            List<InetAddress> external = externalAddresses();
            Assumptions.assumeFalse(external.isEmpty(), "this machine has no non-loopback IPv4 address to try");
            for (InetAddress address : external) {
                assertThrows(
                        IOException.class,
                        () -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(address, port), 1000);
                            }
                        },
                        "DynamoDB Local must refuse connections on " + address.getHostAddress());
            }
        }
    }

    @Test
    void telemetryIsNeverSetUp() {
        try (LocalDynamo dynamo = new LocalDynamo()) {
            dynamo.client().listTables();
            assertFalse(Telemetry.getTelemetry().isPresent(), "DynamoDB Local's telemetry must stay off");
        }
    }

    @Test
    void aStoppedListenerRefusesAndARestartedOneStillHasTheData() {
        try (LocalDynamo dynamo = new LocalDynamo()) {
            int tables = dynamo.client().listTables().tableNames().size();
            dynamo.server().stopListening();
            assertThrows(
                    software.amazon.awssdk.core.exception.SdkClientException.class,
                    () -> dynamo.client().listTables());
            dynamo.server().startListening();
            assertEquals(tables, dynamo.client().listTables().tableNames().size());
        }
    }

    private static List<InetAddress> externalAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }
}
