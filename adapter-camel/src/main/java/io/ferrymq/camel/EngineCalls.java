package io.ferrymq.camel;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on an engine action where a component must (starting an endpoint), with the engine's own error. */
public final class EngineCalls {
    private EngineCalls() {
    }

    /** The action's result; its failure rethrown as the engine reported it (an EngineException, usually). */
    public static <T> T await(CompletableFuture<T> action) {
        try {
            return action.join();
        } catch (CompletionException e) {
            throw asRuntime(cause(e));
        }
    }

    /** What went wrong, without the wrappers CompletableFuture puts around it. */
    public static Throwable cause(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** True when the failure is the caller's own cancellation (a stopping consumer withdrawing its receive). */
    public static boolean isCancellation(Throwable t) {
        return cause(t) instanceof CancellationException;
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
