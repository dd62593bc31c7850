package com.zebros.platform.ops;

import com.zebros.platform.config.Setting;
import java.util.Map;
import java.util.function.Function;

/**
 * One alarm on one metric above a threshold, as data: {@link Alarms} builds every such alarm the same way (a
 * one-minute period, three of five minutes above, notifying when it fires and clears).
 *
 * @param id          the alarm's name within the stack
 * @param description what crossed, and what to do about it
 * @param namespace   the metric's namespace
 * @param metric      the metric's name
 * @param statistic   a statistic ({@code Average}, {@code Maximum}) or a percentile ({@code p95})
 * @param threshold   the value the statistic must exceed
 * @param dimensions  the metric's dimensions, from the watched names
 */
record ThresholdAlarm(
        String id,
        String description,
        String namespace,
        String metric,
        String statistic,
        double threshold,
        Function<Monitoring.Watched, Map<String, String>> dimensions) {

    /** CloudWatch takes percentiles as extended statistics (p0.0 to p100), the rest as statistics. */
    boolean percentile() {
        return statistic.matches("p\\d+(\\.\\d+)?");
    }

    /** An ECS service's CPU or memory above the seeds' 70 %. */
    static ThresholdAlarm serviceUtilisation(
            String id, String what, String metric, Function<Monitoring.Watched, String> service) {
        return new ThresholdAlarm(
                id,
                what + " above " + Setting.format(Alarms.UTILISATION_PERCENT) + " %",
                "AWS/ECS",
                metric,
                "Average",
                Alarms.UTILISATION_PERCENT,
                w -> Map.of("ClusterName", w.clusterName(), "ServiceName", service.apply(w)));
    }

    /** More than the seeds' 10 messages waiting on a queue. */
    static ThresholdAlarm queueDepth(String id, String description, Function<Monitoring.Watched, String> queue) {
        return new ThresholdAlarm(
                id,
                description,
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                "Maximum",
                Alarms.QUEUE_DEPTH,
                w -> Map.of("QueueName", queue.apply(w)));
    }

    /**
     * Any message on a dead-letter queue: work that failed every try and waits there (14 days) for a person, who
     * finds why in the function's or worker's logs and redrives it (docs/operations.md).
     */
    static ThresholdAlarm deadLetters(String what, String key) {
        return new ThresholdAlarm(
                key + "-dead-letters",
                what + " failed every try and waits on its dead-letter queue: read why in the logs, then redrive it",
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                "Maximum",
                0,
                w -> Map.of("QueueName", w.deadLetterQueues().get(key)));
    }
}
