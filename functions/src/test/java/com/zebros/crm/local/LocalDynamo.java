package com.zebros.crm.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.store.Table;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * DynamoDB Local, the real thing from Maven Central, running in this JVM over HTTP on a free port of
 * 127.0.0.1 ({@link LocalDynamoServer}: loopback only, no telemetry), with the CRM's tables created
 * from {@code crm-tables.json}: the same key schema the platform program deploys.
 */
public final class LocalDynamo implements AutoCloseable {
    /**
     * Streams, as the program deploys the tables, unless {@code -DlocalDynamo.streams=false}: the
     * workers' benchmark turns them off because DynamoDB Local reads its stream's description on every
     * write, a cost that grows with each record written (DynamoDB has nothing like it).
     */
    private static final boolean STREAMS = !"false".equals(System.getProperty("localDynamo.streams"));

    private final LocalDynamoServer server;
    private final String endpoint;
    private final DynamoDbClient client;
    private final Map<Table, String> names = new EnumMap<>(Table.class);

    public LocalDynamo() {
        try {
            server = new LocalDynamoServer(freePort());
            endpoint = "http://127.0.0.1:" + server.port();
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    .build();
            createTables();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "DynamoDB Local did not start: " + e.getMessage()
                            + " (run through Maven, which sets sqlite4java.library.path)",
                    e);
        }
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The table definitions shipped with the functions, which a test holds to the program's. */
    public static JsonObject schema() {
        try (var in = LocalDynamo.class.getResourceAsStream("/crm-tables.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void createTables() {
        for (JsonElement element : schema().getAsJsonArray("tables")) {
            JsonObject table = element.getAsJsonObject();
            Table which = Table.valueOf(table.get("id").getAsString().toUpperCase());
            String name = "local-" + which.id();
            Set<String> attributes = new LinkedHashSet<>(List.of(
                    table.get("hashKey").getAsString(), table.get("rangeKey").getAsString()));
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (JsonElement i : table.getAsJsonArray("indexes")) {
                JsonObject index = i.getAsJsonObject();
                attributes.add(index.get("hashKey").getAsString());
                attributes.add(index.get("rangeKey").getAsString());
                indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(index.get("name").getAsString())
                        .keySchema(
                                key(index.get("hashKey").getAsString(), KeyType.HASH),
                                key(index.get("rangeKey").getAsString(), KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build());
            }
            var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes.stream()
                            .map(a -> AttributeDefinition.builder()
                                    .attributeName(a)
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .toList())
                    .keySchema(
                            key(table.get("hashKey").getAsString(), KeyType.HASH),
                            key(table.get("rangeKey").getAsString(), KeyType.RANGE));
            if (STREAMS) {
                request.streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build());
            }
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes);
            }
            client.createTable(request.build());
            names.put(which, name);
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public String endpoint() {
        return endpoint;
    }

    /** The server behind the endpoint: the fault suite stops, slows and throttles it. */
    public LocalDynamoServer server() {
        return server;
    }

    public DynamoDbClient client() {
        return client;
    }

    public Map<Table, String> names() {
        return names;
    }

    /** The environment a function would get from the stack, pointing at this DynamoDB. */
    public Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>();
        names.forEach((t, n) -> env.put(t.environmentVariable(), n));
        env.put("DYNAMODB_ENDPOINT", endpoint);
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
