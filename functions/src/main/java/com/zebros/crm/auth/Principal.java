package com.zebros.crm.auth;

import java.util.Set;

/**
 * Who calls: the tenant from the token's {@code tenant_id} claim, the user, and the realm roles that
 * decide what they may do. crm-read-only reads; crm-user also creates and updates; crm-manager and
 * crm-admin also delete.
 */
public record Principal(String tenantId, String subject, Set<String> roles) {
    public static final String ADMIN = "crm-admin";
    public static final String MANAGER = "crm-manager";
    public static final String USER = "crm-user";
    public static final String READ_ONLY = "crm-read-only";

    public boolean canRead() {
        return roles.contains(READ_ONLY) || canWrite();
    }

    public boolean canWrite() {
        return roles.contains(USER) || canDelete();
    }

    public boolean canDelete() {
        return roles.contains(MANAGER) || roles.contains(ADMIN);
    }
}
