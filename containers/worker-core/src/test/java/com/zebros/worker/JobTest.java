package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JobTest {

    @Test
    void readsTheApisMessageAndIgnoresWhatTheStateMachineAdds() {
        Job job = Job.parse(
                "{\"tenantId\":\"t-1\",\"jobId\":\"rep_abc\",\"kind\":\"report\",\"parameters\":{\"type\":\"pipeline\"},"
                        + "\"task\":{\"retry\":1}}");
        assertEquals("t-1", job.tenantId());
        assertEquals("pipeline", job.choice("type", Set.of("pipeline")));
        assertEquals("reports/t-1/rep_abc.csv.gz", job.resultKey("reports", "csv.gz"));
    }

    @Test
    void everyProblemOfAJobIsABadJobThatNamesIt() {
        assertTrue(
                assertThrows(BadJob.class, () -> Job.parse(null)).getMessage().contains("set JOB"));
        assertTrue(
                assertThrows(BadJob.class, () -> Job.parse("[1]")).getMessage().contains("JSON object"));
        assertTrue(
                assertThrows(BadJob.class, () -> Job.parse("{\"tenantId\":\"../etc\",\"jobId\":\"j\",\"kind\":\"k\"}"))
                        .getMessage()
                        .contains("tenantId"),
                "ids end up in S3 keys: no path tricks");
        assertTrue(assertThrows(
                        BadJob.class,
                        () -> Job.parse("{\"tenantId\":\"t\",\"jobId\":\"j\",\"kind\":\"k\",\"parameters\":3}"))
                .getMessage()
                .contains("parameters"));
        Job job = Job.parse(
                "{\"tenantId\":\"t\",\"jobId\":\"j\",\"kind\":\"export\",\"parameters\":{\"entity\":\"x\",\"extra\":1}}");
        assertTrue(assertThrows(BadJob.class, () -> job.allowOnly(Set.of("entity")))
                .getMessage()
                .contains("extra"));
        assertTrue(assertThrows(BadJob.class, () -> job.choice("entity", Set.of("customers")))
                .getMessage()
                .contains("[customers]"));
        assertTrue(assertThrows(BadJob.class, () -> job.text("missing"))
                .getMessage()
                .contains("missing"));
    }

    @Test
    void aPoolMessageCarriesTheJobAndTheTaskToken() {
        PoolMessage message = PoolMessage.parse(
                "{\"job\":{\"tenantId\":\"t\",\"jobId\":\"rep_1\",\"kind\":\"report\",\"parameters\":{}},"
                        + "\"taskToken\":\"AAAA\"}");
        assertEquals("AAAA", message.taskToken());
        assertEquals("rep_1", message.job().jobId());
        assertTrue(assertThrows(BadJob.class, () -> PoolMessage.parse("{\"job\":{}}"))
                .getMessage()
                .contains("taskToken"));
    }
}
