package io.ferrymq.engine;

/** An error as SQS or SNS would report it: a code and the service's message. Nothing changed when it is thrown. */
public class EngineException extends RuntimeException {
    private final ErrorCode errorCode;

    public EngineException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The JSON protocol error type, e.g. {@code QueueDoesNotExist}. */
    public String code() {
        return errorCode.code();
    }

    @Override
    public String toString() {
        return errorCode.code() + ": " + getMessage();
    }
}
