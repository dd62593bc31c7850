package com.zebros.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads uploaded text as UTF-8. Bytes that are not UTF-8 (a file saved as Latin-1 or UTF-16 by a
 * spreadsheet) become {@link #BAD}, so the row that holds them can be reported by number instead
 * of failing the whole file; a byte-order mark, which Excel writes, is dropped.
 */
public final class Utf8 {
    /** What an undecodable byte sequence reads as. */
    public static final char BAD = '\uFFFD';

    private Utf8() {}

    public static Reader reader(InputStream in) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(BAD));
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder), 1);
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    /** True when {@code text} held bytes that were not UTF-8. */
    public static boolean damaged(String text) {
        return text.indexOf(BAD) >= 0;
    }
}
