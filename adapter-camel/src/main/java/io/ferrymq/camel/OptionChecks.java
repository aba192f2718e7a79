package io.ferrymq.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The checks endpoint options get when the endpoint is created, with messages that name the option. */
public final class OptionChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OptionChecks() {
    }

    public static void require(boolean ok, String option, Object value, String what) {
        if (!ok) {
            throw new IllegalArgumentException("The option " + option + " must be " + what + ", not " + value);
        }
    }

    /** A JSON object (a policy): anything else would only be refused when the endpoint starts. */
    public static void requireJsonObject(String option, String value, String example) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("The option " + option + " must be a JSON object such as " + example
                    + " (in a URI, wrap it in RAW(...)), not " + value);
        }
    }
}
