package com.zebros.crm.store;

/**
 * An item a write names in one of its fields, which must exist in the writer's tenant at the moment
 * of the write (a condition check in the same transaction, so a customer deleted between a check
 * and the write cannot leave a dangling reference) and, when {@code customerId} is set, belong to
 * that customer (an activity's contact and opportunity are its customer's own).
 *
 * @param field      the body field that names it, for the problem document
 * @param noun       what it is, for the message ("customer", "contact")
 * @param customerId the customer it must belong to, or null
 */
public record Reference(String field, String noun, Table table, String id, String customerId) {}
