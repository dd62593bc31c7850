package com.zebros.worker;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * An object read to its last byte, however often the connection under it ends early. A job paced by its
 * capacity budget reads its file for minutes, and a connection held that long can be closed under it: S3
 * and S3-compatible servers close connections a client keeps idle, and a closed connection can look like
 * the end of the file to the reader (the import benchmark's 100,000-row file ended after 45,824 rows,
 * and the job reported done). So the stream knows the object's length, and when its connection ends or
 * fails before it, opens the object again from the next byte (a ranged GET pinned to the object's
 * version by its ETag, so a file replaced meanwhile fails instead of mixing two files). It gives up
 * after {@link #ATTEMPTS} openings in a row that yield no byte, with an IOException that the job's retry
 * resumes from its checkpoint.
 */
public final class ResumingObjectStream extends InputStream {
    static final int ATTEMPTS = 5;

    private final String name;
    private final long length;
    private final LongFunction<InputStream> openFrom;
    private InputStream current;
    private long position;
    private int reopenings;
    private final byte[] single = new byte[1];

    /**
     * @param name     the object, for messages
     * @param length   its length in bytes, as S3 gave it on the first GET
     * @param first    the first GET's body
     * @param openFrom opens the same object (same ETag) from a byte offset to its end
     */
    public ResumingObjectStream(String name, long length, InputStream first, LongFunction<InputStream> openFrom) {
        this.name = name;
        this.length = length;
        this.current = first;
        this.openFrom = openFrom;
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        int failures = 0;
        while (position < length) {
            int n;
            IOException cause = null;
            try {
                n = current.read(buffer, offset, (int) Math.min(count, length - position));
            } catch (IOException e) {
                n = -1;
                cause = e;
            }
            if (n > 0) {
                position += n;
                return n;
            }
            if (++failures > ATTEMPTS) {
                IOException e = new IOException(name + " ended at byte " + position + " of " + length + " after "
                        + ATTEMPTS + " openings in a row gave nothing; the job is retried from its checkpoint");
                if (cause != null) {
                    e.addSuppressed(cause);
                }
                throw e;
            }
            reopen();
        }
        return -1;
    }

    /** How many times the object was opened again after its connection ended early. */
    public int reopenings() {
        return reopenings;
    }

    private void reopen() {
        try {
            current.close();
        } catch (IOException e) {
            // the connection is gone already; closing it loses nothing
        }
        current = openFrom.apply(position);
        reopenings++;
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
