package com.zebros.crm.crm;

import java.util.List;

/**
 * Every combination of filters and sort the three list endpoints serve, each by its own key (crm-tables.json has
 * the indexes; the platform program's CrmTable declares them). Anything else is a 400 that lists these. Choosing
 * the combinations is choosing what every write pays: each index is one more write per item written.
 */
final class Listings {
    private Listings() {}

    /** {@code GET /v1/opportunities}. */
    static final List<ListAccess> OPPORTUNITIES = List.of(
            new ListAccess(List.of(), ListAccess.BY_ID, null, "tenantId", "opportunityId", false, false),
            new ListAccess(List.of(), "expectedCloseDate", "byClose", "tenantId", "closeKey", false, true),
            new ListAccess(List.of("stage"), "expectedCloseDate", "byStage", "tenantStage", "closeKey", false, false),
            new ListAccess(List.of("owner"), "expectedCloseDate", "byOwner", "tenantOwner", "closeKey", false, false),
            new ListAccess(
                    List.of("owner", "stage"),
                    "expectedCloseDate",
                    "byOwnerStage",
                    "tenantOwnerStage",
                    "closeKey",
                    false,
                    true),
            new ListAccess(List.of("currency"), "amount", "byAmount", "tenantCurrency", "amountKey", true, true),
            new ListAccess(
                    List.of("stage", "currency"),
                    "amount",
                    "byStageAmount",
                    "tenantStageCurrency",
                    "amountKey",
                    true,
                    true),
            new ListAccess(List.of(), "updatedAt", "byUpdated", "tenantId", "updatedKey", true, true));

    /** {@code GET /v1/customers}; {@code q} is a name prefix on the name-sorted ones. */
    static final List<ListAccess> CUSTOMERS = List.of(
            new ListAccess(List.of(), ListAccess.BY_ID, null, "tenantId", "customerId", false, false),
            new ListAccess(List.of(), "name", "byName", "tenantId", "nameKey", false, false),
            new ListAccess(List.of("industry"), "name", "byIndustry", "tenantIndustry", "nameKey", false, true),
            new ListAccess(List.of("owner"), "name", "byOwner", "tenantOwner", "nameKey", false, true),
            new ListAccess(List.of(), "createdAt", "byCreated", "tenantId", "createdKey", true, true),
            new ListAccess(List.of(), "updatedAt", "byUpdated", "tenantId", "updatedKey", true, true));

    /** {@code GET /v1/activities}: one owner's, newest first, or all by id. */
    static final List<ListAccess> ACTIVITIES = List.of(
            new ListAccess(List.of(), ListAccess.BY_ID, null, "tenantId", "activityId", false, false),
            new ListAccess(List.of("owner"), "occurredAt", "byOwner", "tenantOwner", "occurredKey", true, false));
}
