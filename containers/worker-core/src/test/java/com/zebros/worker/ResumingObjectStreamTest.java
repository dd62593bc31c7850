package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.worker.local.LocalAws;
import com.zebros.worker.local.LocalS3;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A file read from S3Mock through connections that end early, as a connection the server closes under a slow
 * reader does: every byte arrives once and in order, the object opened again from where it broke off with a
 * ranged GET pinned to its ETag; a file replaced meanwhile is refused, and a connection that gives nothing
 * any more ends the read with an error that says where, instead of looking like the end of the file.
 */
class ResumingObjectStreamTest {
    private static final S3Client S3 = LocalAws.s3().client();

    /** A connection that ends (or fails) after {@code limit} bytes, the way a closed connection does. */
    static final class Cut extends FilterInputStream {
        private long left;
        private final boolean fail;

        Cut(InputStream in, long limit, boolean fail) {
            super(in);
            this.left = limit;
            this.fail = fail;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                if (fail) {
                    throw new IOException("Connection reset");
                }
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private static byte[] file(String key) {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("Customer ").append(i).append(",c").append(i).append("@example.com\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        LocalAws.put(key, bytes);
        return bytes;
    }

    private static ResumingObjectStream open(String key, long cutEvery, boolean fail) {
        ResponseInputStream<GetObjectResponse> first =
                S3.getObject(r -> r.bucket(LocalS3.BUCKET).key(key));
        String etag = first.response().eTag();
        LongFunction<InputStream> from = offset -> new Cut(
                S3.getObject(
                        r -> r.bucket(LocalS3.BUCKET).key(key).ifMatch(etag).range("bytes=" + offset + "-")),
                cutEvery,
                fail);
        return new ResumingObjectStream(key, first.response().contentLength(), new Cut(first, cutEvery, fail), from);
    }

    @Test
    void connectionsThatEndEarlyLoseNoByte() throws IOException {
        byte[] written = file("imports/t/ended.csv");
        try (ResumingObjectStream in = open("imports/t/ended.csv", 100_000, false)) {
            assertArrayEquals(written, in.readAllBytes());
            assertEquals((written.length - 1) / 100_000, in.reopenings(), "one more ranged GET per 100,000 bytes");
        }
    }

    @Test
    void connectionsThatFailAreOpenedAgainToo() throws IOException {
        byte[] written = file("imports/t/reset.csv");
        try (ResumingObjectStream in = open("imports/t/reset.csv", 64_000, true)) {
            assertArrayEquals(written, in.readAllBytes());
            assertTrue(in.reopenings() > 0);
        }
    }

    @Test
    void aFileReplacedMeanwhileIsRefusedNotMixed() throws IOException {
        file("imports/t/replaced.csv");
        try (ResumingObjectStream in = open("imports/t/replaced.csv", 50_000, false)) {
            in.readNBytes(50_000);
            LocalAws.put(
                    "imports/t/replaced.csv",
                    "name,email\nsomeone else,x@example.com\n".getBytes(StandardCharsets.UTF_8));
            S3Exception refused = assertThrows(S3Exception.class, () -> in.readNBytes(10));
            assertEquals(412, refused.statusCode(), "If-Match: the object is no longer the one being read");
        }
    }

    @Test
    void aConnectionThatGivesNothingEndsTheReadNamingWhere() throws IOException {
        byte[] written = file("imports/t/dead.csv");
        ResponseInputStream<GetObjectResponse> first =
                S3.getObject(r -> r.bucket(LocalS3.BUCKET).key("imports/t/dead.csv"));
        try (ResumingObjectStream in = new ResumingObjectStream(
                "imports/t/dead.csv",
                written.length,
                new Cut(first, 1_000, false),
                offset -> InputStream.nullInputStream())) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("ended at byte 1000 of " + written.length), e.getMessage());
            assertEquals(ResumingObjectStream.ATTEMPTS, in.reopenings());
        }
    }
}
