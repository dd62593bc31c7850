package com.zebros.crm.scale;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it for capacity units
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html): names and
 * strings in UTF-8 bytes, a number one byte per two significant digits plus one, a boolean or null one byte,
 * a list or map 3 bytes plus its elements, each element one byte more.
 */
final class ItemSize {
    private ItemSize() {}

    static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    private static int value(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToInt(ItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToInt(ItemSize::number).sum();
            case BS -> value.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
            case L ->
                3 + value.l().stream().mapToInt(element -> 1 + value(element)).sum();
            case M ->
                3
                        + value.m().entrySet().stream()
                                .mapToInt(e -> 1 + utf8(e.getKey()) + value(e.getValue()))
                                .sum();
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException("an attribute type this SDK does not know");
        };
    }

    private static int number(String number) {
        String digits = new BigDecimal(number)
                .stripTrailingZeros()
                .unscaledValue()
                .abs()
                .toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
