package com.zebros.crm;

import com.zebros.crm.cache.ItemCache;
import com.zebros.crm.cache.RedisClients;
import com.zebros.crm.cache.RedisItemCache;
import com.zebros.crm.crm.CrmApi;
import com.zebros.crm.crm.Items;
import com.zebros.crm.crm.JobQueue;
import com.zebros.crm.crm.Jobs;
import com.zebros.crm.crm.SqsJobQueue;
import com.zebros.crm.faults.FallbackReader;
import com.zebros.crm.faults.RequestBudget;
import com.zebros.crm.faults.Timeouts;
import com.zebros.crm.faults.Unavailable;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.lambda.PrimingGuard;
import com.zebros.crm.obs.ConsumedCapacity;
import com.zebros.crm.obs.Log;
import com.zebros.crm.obs.Metrics;
import com.zebros.crm.store.Store;
import com.zebros.crm.webhook.WebhookTarget;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The CRM API behind whichever front delivers requests (API Gateway in Lambda, the local server):
 * clients built once per container from the environment, then every request routed, logged with its
 * request id and tenant, measured, and answered; whatever a client sends becomes a 4xx, never a 500.
 */
public final class Service {
    /** API Gateway accepts up to 10 MB; the CRM's documents are small, so anything past 256 KB is refused. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** What a 503 asks the client to wait: about one pause of the cache and a few of DynamoDB's retry back-offs. */
    static final int RETRY_AFTER_SECONDS = 2;

    private static final Pattern ID_IN_PATH = Pattern.compile("/(" + Items.ITEM_ID + "|" + Jobs.JOB_ID + ")");

    private final CrmApi api;
    private final ItemCache cache;
    private final Log log;
    private final Clock clock;

    public Service(Store store, ItemCache cache, Jobs jobs, Clock clock) {
        this(store, cache, jobs, new WebhookTarget(false), clock);
    }

    /** @param webhooks where webhooks may deliver: https and public addresses, unless a local test allows more */
    public Service(Store store, ItemCache cache, Jobs jobs, WebhookTarget webhooks, Clock clock) {
        this.api = new CrmApi(store, cache, jobs, webhooks, clock);
        this.cache = cache;
        this.log = new Log(System.out, clock);
        this.clock = clock;
    }

    /** Everything from the function's environment, as the platform program sets it. */
    public static Service fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Clock.systemUTC());
    }

    /** {@link #fromEnvironment(Map)} on {@code clock}: the fault suite moves time past an idempotency lease. */
    public static Service fromEnvironment(Map<String, String> env, Clock clock) {
        Region region = Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
        var http = Timeouts.httpClient();
        var dynamoBuilder =
                DynamoDbClient.builder().region(region).httpClient(http).overrideConfiguration(Service::bounded);
        if (env.containsKey("DYNAMODB_ENDPOINT")) {
            dynamoBuilder.endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")));
        }
        DynamoDbClient dynamo = dynamoBuilder.build();
        DynamoDbClient reader = env.containsKey("DAX_ENDPOINT")
                ? new FallbackReader(DaxReader.create(env.get("DAX_ENDPOINT"), region), dynamo, System::nanoTime)
                : dynamo;
        Store store = new Store(dynamo, reader, Store.namesFrom(env));
        ItemCache cache = env.containsKey("REDIS_ENDPOINT")
                ? new RedisItemCache(
                        () -> RedisClients.connect(env, region, http), RedisItemCache.DEFAULT_PAUSE, System::nanoTime)
                : ItemCache.NONE;
        JobQueue queue = env.containsKey("JOB_QUEUE_URL")
                ? new SqsJobQueue(sqs(env, region, http), env.get("JOB_QUEUE_URL"))
                : job -> false;
        S3Presigner presigner = S3Presigner.builder().region(region).build();
        Jobs jobs = new Jobs(store, queue, presigner, env.getOrDefault("FILES_BUCKET", "zebros-local-files"), clock);
        return new Service(
                store, cache, jobs, new WebhookTarget("true".equals(env.get(WebhookTarget.ALLOW_PRIVATE))), clock);
    }

    /** Every AWS client of the API: bounded calls (Timeouts), the request's budget, and the priming guard. */
    static void bounded(software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder configuration) {
        Timeouts.apply(configuration);
        configuration
                .addExecutionInterceptor(new RequestBudget())
                .addExecutionInterceptor(new ConsumedCapacity())
                .addExecutionInterceptor(new PrimingGuard());
    }

    /** The job queue's client; SQS_ENDPOINT points it at a local SQS server (ElasticMQ in tests). */
    private static SqsClient sqs(
            Map<String, String> env, Region region, software.amazon.awssdk.http.SdkHttpClient http) {
        var builder = SqsClient.builder().region(region).httpClient(http).overrideConfiguration(Service::bounded);
        if (env.containsKey("SQS_ENDPOINT")) {
            builder.endpointOverride(URI.create(env.get("SQS_ENDPOINT")));
        }
        return builder.build();
    }

    public Response handle(Request request) {
        long start = System.nanoTime();
        Metrics metrics = Metrics.current();
        String tenant = request.principal() == null ? null : request.principal().tenantId();
        Response response;
        String route = route(request.method(), request.path());
        RequestBudget.start(Timeouts.REQUEST);
        ConsumedCapacity.reset();
        try {
            if (request.body() != null && request.body().length() > MAX_BODY_BYTES) {
                throw new ApiException(
                        413,
                        "Payload Too Large",
                        "the body may be at most " + MAX_BODY_BYTES + " bytes",
                        List.of(),
                        Map.of());
            }
            response = api.router().dispatch(request);
        } catch (ApiException e) {
            response = Response.problem(e);
        } catch (SdkException e) {
            if (Unavailable.is(e)) {
                log.warn(
                        "a dependency is unavailable", request.requestId(), tenant, Map.of("error", String.valueOf(e)));
                response = Response.problem(new ApiException(
                        503,
                        "Service Unavailable",
                        "the CRM's data store is unavailable or busy; retry in " + RETRY_AFTER_SECONDS
                                + " s (with the same Idempotency-Key, a create is not made twice)",
                        List.of(),
                        Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))));
            } else {
                response = serverError(request, tenant, e);
            }
        } catch (RuntimeException e) {
            response = serverError(request, tenant, e);
        } finally {
            RequestBudget.end();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        metrics.milliseconds("Latency", millis);
        metrics.gauge("ReadCapacityUnits", ConsumedCapacity.reads());
        metrics.gauge("WriteCapacityUnits", ConsumedCapacity.writes());
        metrics.count(response.status() >= 500 ? "ServerError" : response.status() >= 400 ? "ClientError" : "Success");
        log.info(
                "request",
                request.requestId(),
                tenant,
                Map.of(
                        "method",
                        request.method(),
                        "path",
                        request.path(),
                        "status",
                        response.status(),
                        "latencyMs",
                        Math.round(millis * 100) / 100.0));
        metrics.flush(route, "zebros-crm", System.out, clock);
        return response;
    }

    private Response serverError(Request request, String tenant, RuntimeException e) {
        log.error("request failed", request.requestId(), tenant, Map.of("error", String.valueOf(e)));
        return Response.problem(new ApiException(
                500,
                "Internal Server Error",
                "the request failed on our side; it was logged as " + request.requestId(),
                List.of(),
                Map.of()));
    }

    /** The metric's route: the path with its ids as {id}, so the dimension stays one value per route. */
    static String route(String method, String path) {
        return method + " " + ID_IN_PATH.matcher(path).replaceAll("/{id}");
    }

    public CrmApi api() {
        return api;
    }
}
