package com.zebros.worker;

/**
 * A job no retry can run: malformed input, an unknown parameter, a file that is not a CSV of the
 * expected columns. The message names the problem and what to do; the worker exits with status 2.
 */
public final class BadJob extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadJob(String message) {
        super(message);
    }
}
