package dev.accountflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/** Reads a {@link PlainText} field: a JSON string only, trimmed, with something visible and no control characters. */
class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getText();
        int start = 0;
        int end = text.length();
        while (start < end && isInvisible(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isInvisible(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (start == end) {
            throw InvalidFormatException.from(p, "must not be blank", text, String.class);
        }
        String trimmed = text.substring(start, end);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c)) {
                throw InvalidFormatException.from(p, String.format("must not hold control characters (U+%04X)", (int) c),
                        text, String.class);
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < trimmed.length()
                    && Character.isLowSurrogate(trimmed.charAt(++i)))) {
                throw InvalidFormatException.from(p, "must not hold broken characters (a lone surrogate)", text,
                        String.class);
            }
        }
        return trimmed;
    }

    /** Spaces of any kind, zero-width and direction marks, fillers: characters that show nothing on screen. */
    static boolean isInvisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x2800 || cp == 0x3164 || cp == 0xFFA0;
    }
}
