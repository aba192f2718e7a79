package io.ferrymq.jms.message;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of the wire format. Its output is always text SQS accepts: besides JSON's own escapes it escapes the
 * characters SQS refuses (surrogates, U+FFFE, U+FFFF), so a String holding them still travels in an attribute or body.
 */
final class WireJson {
    static final ObjectMapper MAPPER =
            new ObjectMapper(new JsonFactoryBuilder().characterEscapes(new SqsSafe()).build())
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WireJson() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) { // a tree of plain nodes always serializes
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON from the wire; an IOException means it was not JSON. */
    static JsonNode read(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    private static final class SqsSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch) || ch == 0xFFFE || ch == 0xFFFF) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
