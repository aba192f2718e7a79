package io.ferrymq.jms.provider;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.ResourceAllocationException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Engine failures as the JMS exceptions an application expects, with the engine's code and message kept. */
public final class JmsErrors {
    private JmsErrors() {
    }

    /** Waits for an engine action; its failure becomes a JMSException. */
    public static <T> T await(CompletableFuture<T> future) throws JMSException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw withCause(new JMSException("Interrupted while waiting for the engine"), e);
        } catch (ExecutionException e) {
            throw toJms(e.getCause());
        }
    }

    public static JMSException toJms(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof JMSException jms) {
            return jms;
        }
        if (t instanceof EngineException e) {
            ErrorCode code = e.errorCode();
            JMSException jms = switch (code) {
                case QUEUE_DOES_NOT_EXIST, SNS_NOT_FOUND -> new InvalidDestinationException(e.getMessage(),
                        code.code());
                case OVER_LIMIT -> new ResourceAllocationException(e.getMessage(), code.code());
                default -> new JMSException(e.getMessage(), code.code());
            };
            return withCause(jms, e);
        }
        return withCause(new JMSException(String.valueOf(t.getMessage())), t);
    }

    /** The unchecked twin the simplified API (JMSContext) throws for a checked JMS exception. */
    public static JMSRuntimeException toRuntime(JMSException e) {
        String m = e.getMessage();
        String c = e.getErrorCode();
        JMSRuntimeException r;
        if (e instanceof InvalidDestinationException) {
            r = new jakarta.jms.InvalidDestinationRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.InvalidSelectorException) {
            r = new jakarta.jms.InvalidSelectorRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.IllegalStateException) {
            r = new jakarta.jms.IllegalStateRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.InvalidClientIDException) {
            r = new jakarta.jms.InvalidClientIDRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.MessageFormatException) {
            r = new jakarta.jms.MessageFormatRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.MessageNotWriteableException) {
            r = new jakarta.jms.MessageNotWriteableRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.TransactionRolledBackException) {
            r = new jakarta.jms.TransactionRolledBackRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.TransactionInProgressException) {
            r = new jakarta.jms.TransactionInProgressRuntimeException(m, c, e);
        } else if (e instanceof ResourceAllocationException) {
            r = new jakarta.jms.ResourceAllocationRuntimeException(m, c, e);
        } else if (e instanceof jakarta.jms.JMSSecurityException) {
            r = new jakarta.jms.JMSSecurityRuntimeException(m, c, e);
        } else {
            r = new JMSRuntimeException(m, c, e);
        }
        return r;
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** True when the engine said the queue or topic is gone. */
    public static boolean isMissingDestination(Throwable failure) {
        return unwrap(failure) instanceof EngineException e
                && (e.errorCode() == ErrorCode.QUEUE_DOES_NOT_EXIST || e.errorCode() == ErrorCode.SNS_NOT_FOUND);
    }

    public static <E extends JMSException> E withCause(E jms, Throwable cause) {
        jms.setLinkedException(cause instanceof Exception ex ? ex : new RuntimeException(cause));
        jms.initCause(cause);
        return jms;
    }
}
