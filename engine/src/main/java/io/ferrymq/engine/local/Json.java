package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the engine (thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
