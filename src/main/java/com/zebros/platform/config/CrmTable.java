package com.zebros.platform.config;

/** The DynamoDB tables of the CRM. The first four are the seeds' tables; jobs holds workflow state. */
public enum CrmTable {
    CUSTOMERS(true),
    CONTACTS(true),
    OPPORTUNITIES(true),
    ACTIVITIES(true),
    /** Reports, imports, exports and idempotency records: short-lived, bursty, always on demand. */
    JOBS(false);

    private final boolean scaledByPhase;

    CrmTable(boolean scaledByPhase) {
        this.scaledByPhase = scaledByPhase;
    }

    /** Whether the phase table gives this table provisioned capacity from phase 1 on. */
    public boolean scaledByPhase() {
        return scaledByPhase;
    }

    public String id() {
        return name().toLowerCase();
    }
}
