package io.ferrymq.jms.selector;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the Message field of an SNS notification envelope. */
final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    static String message(String envelope) throws Exception {
        return MAPPER.readTree(envelope).get("Message").asText();
    }
}
