package io.ferrymq.compat.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The matrix generator on made-up results: order, cells, escaping, JORAM counts. */
class MatrixWriterTest {

    private static String row(String group, String scenario, String target, String cell, String detail) {
        return "{\"group\":\"" + group + "\",\"scenario\":\"" + scenario + "\",\"target\":\"" + target
                + "\",\"title\":\"Title " + target + "\",\"cell\":\"" + cell + "\",\"detail\":\"" + detail + "\"}\n";
    }

    private static final String SUITE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="org.objectweb.jtests.jms.conform.queue.QueueTest" tests="3" errors="0" skipped="1"
                       failures="1">
              <testcase name="testOne" classname="org.objectweb.jtests.jms.conform.queue.QueueTest" time="0.1"/>
              <testcase name="testTwo" classname="org.objectweb.jtests.jms.conform.queue.QueueTest" time="0.1">
                <failure message="boom" type="junit.framework.AssertionFailedError">boom</failure>
              </testcase>
              <testcase name="testThree" classname="org.objectweb.jtests.jms.conform.queue.QueueTest" time="0">
                <skipped/>
              </testcase>
            </testsuite>
            """;

    @Test
    void columnsInDeclaredOrderRowsSortedCellsSpelledOut(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("b.jsonl"), row("Zeta", "second", "b", "SAME", "")
                + row("Alpha", "only", "b", "DIFFERS", "it | differs"));
        Files.writeString(results.resolve("a.jsonl"), row("Zeta", "second", "a", "FAILED", "line one\\nline two")
                + row("Zeta", "first", "a", "UNSUPPORTED", "cannot"));
        Path joram = Files.createDirectories(dir.resolve("joram").resolve("b"));
        Files.writeString(joram.resolve("TEST-org.objectweb.jtests.jms.conform.queue.QueueTest.xml"), SUITE);

        String md = MatrixWriter.render(MatrixWriter.readRows(results), MatrixWriter.readJoram(dir.resolve("joram")),
                List.of("b", "a"));

        assertThat(md).contains("**This build was red**");
        assertThat(md).contains("| Title b | 1 / 2 (1 skipped) |");
        assertThat(md).contains("Failing on Title b: `QueueTest.testTwo`.");
        assertThat(md).contains("| group | scenario | Title b | Title a |");
        assertThat(md).contains("| **Alpha** | only | differs: it \\| differs | not run |\n"
                + "| **Zeta** | first | not run | unsupported: cannot |\n"
                + "|  | second | same | **FAILED**: line one line two |\n");
        assertThat(md).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void noResultsLeaveTheFileAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("compatibility.md");
        Files.writeString(out, "as committed");
        MatrixWriter.main(new String[] {dir.resolve("none").toString(), dir.resolve("none").toString(),
                out.toString()});
        assertThat(Files.readString(out)).isEqualTo("as committed");
    }
}
