package com.zebros.crm.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396's own examples (Appendix A, https://www.rfc-editor.org/rfc/rfc7396#appendix-A), every one. */
class MergePatchTest {
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":\"b\"}                 | {\"a\":\"c\"}                | {\"a\":\"c\"}",
                "{\"a\":\"b\"}                 | {\"b\":\"c\"}                | {\"a\":\"b\",\"b\":\"c\"}",
                "{\"a\":\"b\"}                 | {\"a\":null}                 | {}",
                "{\"a\":\"b\",\"b\":\"c\"}     | {\"a\":null}                 | {\"b\":\"c\"}",
                "{\"a\":[\"b\"]}               | {\"a\":\"c\"}                | {\"a\":\"c\"}",
                "{\"a\":\"c\"}                 | {\"a\":[\"b\"]}              | {\"a\":[\"b\"]}",
                "{\"a\":{\"b\":\"c\"}}         | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
                "{\"a\":[{\"b\":\"c\"}]}       | {\"a\":[1]}                  | {\"a\":[1]}",
                "[\"a\",\"b\"]                 | [\"c\",\"d\"]                | [\"c\",\"d\"]",
                "{\"a\":\"b\"}                 | [\"c\"]                      | [\"c\"]",
                "{\"a\":\"foo\"}               | null                         | null",
                "{\"a\":\"foo\"}               | \"bar\"                      | \"bar\"",
                "{\"e\":null}                  | {\"a\":1}                    | {\"e\":null,\"a\":1}",
                "[1,2]                         | {\"a\":\"b\",\"c\":null}     | {\"a\":\"b\"}",
                "{}                            | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}",
            })
    void appliesEveryExampleOfTheRfc(String target, String patch, String expected) {
        assertEquals(
                JsonParser.parseString(expected),
                MergePatch.apply(JsonParser.parseString(target), JsonParser.parseString(patch)));
    }
}
