package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Metrics are per route, not per item: every id in a path becomes {id}. */
class MetricRouteTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef";

    @Test
    void everyKindOfIdBecomesOnePlaceholder() {
        assertEquals("GET /v1/customers/{id}/timeline", Service.route("GET", "/v1/customers/cus_" + HEX + "/timeline"));
        assertEquals("PUT /v1/activities/{id}", Service.route("PUT", "/v1/activities/act_" + HEX));
        for (String job : new String[] {"reports/rep_", "imports/imp_", "exports/exp_", "analyses/ana_"}) {
            assertEquals(
                    "GET /v1/" + job.substring(0, job.indexOf('/')) + "/{id}",
                    Service.route("GET", "/v1/" + job + HEX));
        }
        assertEquals("GET /v1/analytics/win-rate", Service.route("GET", "/v1/analytics/win-rate"));
    }
}
