package io.ferrymq.jms.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A message's body as an SQS body, by kind. Text travels as itself when SQS accepts it, so plain SQS consumers read
 * it raw; bytes and objects as base64; map and stream bodies as JSON of typed values. A body SQS cannot carry as is
 * (an empty or null text, an empty bytes body, a null object, a bodiless message) is the placeholder
 * {@link WireCodec#NO_BODY} with a flag saying what it stands for.
 */
final class BodyCodec {
    static final String MESSAGE = "message";
    static final String TEXT = "text";
    static final String BYTES = "bytes";
    static final String MAP = "map";
    static final String STREAM = "stream";
    static final String OBJECT = "object";

    /** Flags: the placeholder stands for no body (null text, empty bytes, null object); for the empty text. */
    static final String NONE = "none";
    static final String EMPTY = "empty";
    /**
     * Flags: the text as base64 of its UTF-8, or of its UTF-16 code units (big-endian) when it holds unpaired
     * surrogates, which UTF-8 cannot carry.
     */
    static final String UTF8 = "utf8";
    static final String UTF16 = "utf16";

    /** The SQS body, the message kind and the flag (null for the kind's usual encoding). */
    record Body(String kind, String flag, String sqsBody) {
    }

    private BodyCodec() {
    }

    static Body encode(FerryMessage m) {
        if (m instanceof FerryTextMessage text) {
            return encodeText(text.getText());
        }
        if (m instanceof FerryBytesMessage bytes) {
            byte[] body = bytes.bodyBytes();
            return body.length == 0 ? placeholder(BYTES) : new Body(BYTES, null, base64(body));
        }
        if (m instanceof FerryMapMessage map) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            map.entries().forEach((name, value) -> json.set(name, TypedValues.write(value)));
            return new Body(MAP, null, WireJson.write(json));
        }
        if (m instanceof FerryStreamMessage stream) {
            ArrayNode json = JsonNodeFactory.instance.arrayNode();
            stream.items().forEach(value -> json.add(TypedValues.write(value)));
            return new Body(STREAM, null, WireJson.write(json));
        }
        if (m instanceof FerryObjectMessage object) {
            byte[] body = object.serializedBody();
            return body == null ? placeholder(OBJECT) : new Body(OBJECT, null, base64(body));
        }
        return new Body(MESSAGE, null, WireCodec.NO_BODY);
    }

    private static Body encodeText(String text) {
        if (text == null) {
            return placeholder(TEXT);
        }
        if (text.isEmpty()) {
            return new Body(TEXT, EMPTY, WireCodec.NO_BODY);
        }
        if (SqsText.isValidBody(text)) {
            return new Body(TEXT, null, text);
        }
        if (SqsText.isWellFormed(text)) {
            return new Body(TEXT, UTF8, base64(text.getBytes(StandardCharsets.UTF_8)));
        }
        return new Body(TEXT, UTF16, base64(utf16(text)));
    }

    private static Body placeholder(String kind) {
        return new Body(kind, NONE, WireCodec.NO_BODY);
    }

    /**
     * The message the body stands for, writable still (the caller marks it read-only).
     *
     * @throws IllegalArgumentException or IOException when kind, flag and body do not fit together
     */
    static FerryMessage decode(String kind, String flag, String sqsBody) throws IOException {
        boolean none = NONE.equals(flag);
        boolean fits = flag == null || kind.equals(TEXT) || (none && (kind.equals(BYTES) || kind.equals(OBJECT)));
        if (!fits) {
            throw new IllegalArgumentException("Flag " + flag + " on a " + kind + " body");
        }
        switch (kind) {
            case MESSAGE:
                return new FerryMessage();
            case TEXT:
                return new FerryTextMessage(decodeText(flag, sqsBody));
            case BYTES: {
                FerryBytesMessage m = new FerryBytesMessage();
                m.setBodyBytes(none ? new byte[0] : Base64.getDecoder().decode(sqsBody));
                return m;
            }
            case MAP:
                return decodeMap(WireJson.read(sqsBody));
            case STREAM:
                return decodeStream(WireJson.read(sqsBody));
            case OBJECT: {
                FerryObjectMessage m = new FerryObjectMessage();
                m.setSerializedBody(none ? null : Base64.getDecoder().decode(sqsBody));
                return m;
            }
            default:
                throw new IllegalArgumentException("Unknown message kind " + kind);
        }
    }

    private static String decodeText(String flag, String sqsBody) {
        if (flag == null) {
            return sqsBody;
        }
        return switch (flag) {
            case NONE -> null;
            case EMPTY -> "";
            case UTF8 -> new String(Base64.getDecoder().decode(sqsBody), StandardCharsets.UTF_8);
            case UTF16 -> utf16(Base64.getDecoder().decode(sqsBody));
            default -> throw new IllegalArgumentException("Unknown text flag " + flag);
        };
    }

    private static FerryMapMessage decodeMap(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("A map body is not a JSON object");
        }
        FerryMapMessage m = new FerryMapMessage();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            m.putEntry(e.getKey(), TypedValues.read(e.getValue()));
        }
        return m;
    }

    private static FerryStreamMessage decodeStream(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("A stream body is not a JSON array");
        }
        FerryStreamMessage m = new FerryStreamMessage();
        json.forEach(value -> m.addItem(TypedValues.read(value)));
        return m;
    }

    /** The chars as big-endian pairs of bytes; unlike the UTF-16BE charset, keeps unpaired surrogates. */
    private static byte[] utf16(String text) {
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 2);
        bytes.asCharBuffer().put(text);
        return bytes.array();
    }

    private static String utf16(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new IllegalArgumentException("UTF-16 text of an odd number of bytes");
        }
        return ByteBuffer.wrap(bytes).asCharBuffer().toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
