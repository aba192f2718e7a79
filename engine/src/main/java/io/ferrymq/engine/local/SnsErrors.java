package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;

/** The SNS error texts the engine gives, in one place so they match the real service's word for word. */
final class SnsErrors {
    private SnsErrors() {
    }

    /** "Invalid parameter: X", SNS's form for a refused request parameter. */
    static EngineException invalidParameter(String what) {
        return new EngineException(ErrorCode.SNS_INVALID_PARAMETER, "Invalid parameter: " + what);
    }

    static EngineException topicNotFound() {
        return new EngineException(ErrorCode.SNS_NOT_FOUND, "Topic does not exist");
    }

    static EngineException subscriptionNotFound() {
        return new EngineException(ErrorCode.SNS_NOT_FOUND, "Subscription does not exist");
    }
}
