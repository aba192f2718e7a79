package io.ferrymq.compat.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.compat.target.Target;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one matrix cell per scenario invocation: the scenario (its class's and method's display names), the target
 * (the {@link Target} argument of the parameterized test), and what {@link Matrix} was told, or FAILED. Rows go to
 * {@code target/compat-results/<target id>.jsonl}, which the matrix generator reads.
 */
public final class MatrixRecorder implements InvocationInterceptor {
    static final Path RESULTS = Path.of(System.getProperty("compat.results", "target/compat-results"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        Target target = invocationContext.getArguments().stream().filter(Target.class::isInstance)
                .map(Target.class::cast).findFirst().orElse(null);
        if (target == null) {
            invocation.proceed();
            return;
        }
        String group = extensionContext.getParent().flatMap(ExtensionContext::getParent)
                .map(ExtensionContext::getDisplayName).orElse("");
        String scenario = extensionContext.getParent().map(ExtensionContext::getDisplayName).orElse("");
        Matrix.clear();
        try {
            invocation.proceed();
            Matrix.Observation o = Matrix.take();
            write(target, group, scenario, o.cell().name(), o.detail());
        } catch (Throwable failure) {
            Matrix.clear();
            write(target, group, scenario, "FAILED", String.valueOf(failure.getMessage()));
            throw failure;
        }
    }

    private static synchronized void write(Target target, String group, String scenario, String cell, String detail) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("scenario", scenario);
        row.put("target", target.id());
        row.put("title", target.title());
        row.put("cell", cell);
        row.put("detail", detail);
        try {
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve(target.id() + ".jsonl"), JSON.writeValueAsString(row) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
