package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;

/** The SQS error texts the engine gives, kept in one place so they match the real service's word for word. */
final class Errors {
    private Errors() {
    }

    static EngineException queueDoesNotExist() {
        return new EngineException(ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }

    static EngineException invalidParameter(String message) {
        return new EngineException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    /** "Value X for parameter P is invalid. Reason: R." as SQS words a rejected request parameter. */
    static EngineException invalidParameter(String parameter, Object value, String reason) {
        return invalidParameter("Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    static EngineException missingParameter(String parameter) {
        return new EngineException(ErrorCode.MISSING_PARAMETER,
                "The request must contain the parameter " + parameter + ".");
    }

    static EngineException invalidAttributeValue(String attribute) {
        return new EngineException(ErrorCode.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter " + attribute + ".");
    }

    static EngineException invalidAttributeValue(String attribute, String reason) {
        return new EngineException(ErrorCode.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter " + attribute + ". Reason: " + reason);
    }

    static EngineException unknownAttribute(String attribute) {
        return new EngineException(ErrorCode.INVALID_ATTRIBUTE_NAME, "Unknown Attribute " + attribute + ".");
    }

    static EngineException receiptHandleIsInvalid(String handle) {
        return new EngineException(ErrorCode.RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    static EngineException notForThisQueueType(String parameter, Object value) {
        return invalidParameter(parameter, value, "The request include parameter that is not valid for this queue type.");
    }
}
