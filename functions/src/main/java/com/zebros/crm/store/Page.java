package com.zebros.crm.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One page of a listing and the cursor of the next, null on the last page. */
public record Page(List<Map<String, AttributeValue>> items, String nextCursor) {}
