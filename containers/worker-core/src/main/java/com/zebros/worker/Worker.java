package com.zebros.worker;

/** One kind of job. The runner around it records the job's state; the worker does the work. */
public interface Worker {
    /** The job kind this worker takes, as the API and the state machine name it. */
    String kind();

    /**
     * Runs the job to the end. A {@link BadJob} is final; any other exception fails this attempt,
     * which the state machine retries, resuming from the job's checkpoint where the worker keeps one.
     */
    Outcome run(Job job, JobContext context) throws Exception;
}
