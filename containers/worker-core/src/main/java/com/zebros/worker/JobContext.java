package com.zebros.worker;

import com.zebros.crm.store.Store;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** What a running job may use: the CRM's tables, the bucket, its own record and a clock. */
public final class JobContext {
    private final WorkerSettings settings;
    private final AwsClients aws;
    private final Store store;
    private final JobRecord record;
    private final Map<String, AttributeValue> stored;
    private final Clock clock;

    JobContext(
            WorkerSettings settings,
            AwsClients aws,
            JobRecord record,
            Map<String, AttributeValue> stored,
            Clock clock) {
        this.settings = settings;
        this.aws = aws;
        this.store = new Store(aws.dynamo(), settings.tables());
        this.record = record;
        this.stored = stored;
        this.clock = clock;
    }

    public Store store() {
        return store;
    }

    public S3Client s3() {
        return aws.s3();
    }

    public String bucket() {
        return settings.bucket();
    }

    public Clock clock() {
        return clock;
    }

    /** How far an earlier attempt of this job got (0 when this is the first). */
    public long checkpoint() {
        return Optional.ofNullable(stored.get("checkpoint"))
                .map(v -> Long.parseLong(v.n()))
                .orElse(0L);
    }

    public void saveCheckpoint(Job job, long rows) {
        record.checkpoint(job, rows);
    }

    /**
     * Opens an object of the bucket for reading to its last byte, opened again where it broke off if its
     * connection ends early ({@link ResumingObjectStream}); a missing one is a bad job that names the key.
     */
    public ResumingObjectStream open(String key, String hint) {
        ResponseInputStream<GetObjectResponse> first;
        try {
            first = aws.s3().getObject(r -> r.bucket(settings.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw new BadJob("there is no file " + key + " in the bucket; " + hint);
        }
        String etag = first.response().eTag();
        return new ResumingObjectStream(
                key,
                first.response().contentLength(),
                first,
                from -> aws.s3()
                        .getObject(r -> r.bucket(settings.bucket())
                                .key(key)
                                .ifMatch(etag)
                                .range("bytes=" + from + "-")));
    }

    public CsvUpload gzipCsv(String key) {
        return CsvUpload.gzip(aws.s3(), settings.bucket(), key);
    }

    public CsvUpload plainCsv(String key) {
        return CsvUpload.plain(aws.s3(), settings.bucket(), key);
    }
}
