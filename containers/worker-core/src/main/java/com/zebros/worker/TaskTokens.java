package com.zebros.worker;

/**
 * How a pool worker answers the state machine that waits on a job's task token. The one
 * implementation calls Step Functions ({@link StepFunctionsTaskTokens}); no Step Functions server runs
 * on a developer's machine, so tests record the answers through this interface instead.
 */
public interface TaskTokens {
    /** The job is still running: keeps the state's heartbeat timeout from firing. */
    void heartbeat(String token);

    /** The job is done, with its output for the state machine. */
    void success(String token, String outputJson);

    /** The job failed: {@code error} names the kind (the state machine's Catch reads it), {@code cause} the reason. */
    void failure(String token, String error, String cause);
}
