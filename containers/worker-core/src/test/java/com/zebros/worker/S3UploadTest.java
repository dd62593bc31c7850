package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zebros.worker.local.LocalAws;
import com.zebros.worker.local.LocalS3;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Streamed uploads against S3Mock: one PUT when small, a multipart upload when large, nothing when aborted. */
class S3UploadTest {

    @Test
    void aFileLargerThanOnePartArrivesWholeAsAMultipartUpload() {
        byte[] content = new byte[S3Upload.PART_SIZE * 2 + 12345];
        new Random(7).nextBytes(content);
        S3Upload upload = new S3Upload(
                LocalS3.get().client(), LocalS3.BUCKET, "tests/large.bin", "application/octet-stream", null);
        for (int from = 0; from < content.length; from += 100_000) {
            upload.write(content, from, Math.min(100_000, content.length - from));
        }
        upload.close();
        assertArrayEquals(content, LocalAws.get("tests/large.bin"));
        assertEquals(content.length, upload.size());
    }

    @Test
    void aSmallFileIsOnePutAndAnAbortedOneLeavesNothing() throws Exception {
        S3Upload small = new S3Upload(LocalS3.get().client(), LocalS3.BUCKET, "tests/small.txt", "text/plain", null);
        small.write("hello".getBytes());
        small.close();
        assertEquals("hello", new String(LocalAws.get("tests/small.txt")));

        S3Upload aborted = new S3Upload(
                LocalS3.get().client(), LocalS3.BUCKET, "tests/aborted.bin", "application/octet-stream", null);
        aborted.write(new byte[S3Upload.PART_SIZE + 1]);
        aborted.abort();
        assertFalse(LocalAws.exists("tests/aborted.bin"));
    }
}
