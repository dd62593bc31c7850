package com.zebros.worker;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A file written straight to S3 as it is produced: parts of {@link #PART_SIZE} go up as a multipart
 * upload, so a report of any size needs one part of memory and no disk (the workers' root file
 * system is read-only). A file smaller than one part is a single PUT. Nothing is visible under the
 * key until {@link #close()} succeeds; {@link #abort()} drops the parts of a failed attempt.
 * The bucket's default encryption (the stack's KMS key) applies to every object.
 */
public final class S3Upload extends OutputStream {
    /** Above S3's 5 MiB minimum part; 10,000 parts of it allow files of 78 GiB. */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final String contentEncoding;
    private final byte[] buffer = new byte[PART_SIZE];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;
    private long size;
    private boolean closed;

    public S3Upload(S3Client s3, String bucket, String key, String contentType, String contentEncoding) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.contentEncoding = contentEncoding;
    }

    @Override
    public void write(int b) {
        if (filled == buffer.length) {
            sendPart();
        }
        buffer[filled++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (filled == buffer.length) {
                sendPart();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(r ->
                            r.bucket(bucket).key(key).contentType(contentType).contentEncoding(contentEncoding))
                    .uploadId();
        }
        int number = parts.size() + 1;
        String etag = s3.uploadPart(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
    }

    /** Completes the upload: the object appears under its key, whole. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (uploadId == null) {
            s3.putObject(
                    r -> r.bucket(bucket).key(key).contentType(contentType).contentEncoding(contentEncoding),
                    RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)));
            return;
        }
        if (filled > 0) {
            sendPart();
        }
        s3.completeMultipartUpload(r -> r.bucket(bucket)
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }

    /** Drops what was uploaded; the key keeps whatever it held before. */
    public void abort() {
        closed = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException e) {
                // the bucket's lifecycle rule removes incomplete uploads after a day anyway
            }
        }
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    public String key() {
        return key;
    }
}
