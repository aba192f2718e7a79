package io.ferrymq.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferrymq.bench.report.Report;
import io.ferrymq.bench.report.Row;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workload of the module, run once in this JVM with the smoke profile (forks 0, 1 x 50 ms warm-up, 1 x
 * 100 ms measured, every parameter combination), and the reports written from what they
 * gave, to target/smoke-results. Checks that each workload ran and produced a figure, that FerryMQ is paired with
 * its alternative, and that the Markdown and JSON are written and readable; nothing about speed.
 */
class BenchSmokeTest {

    @Test
    void everyWorkloadRunsAndIsReported() throws Exception {
        List<Workload> all = Workload.find(List.of());
        assertThat(all).as("workloads in the JMH benchmark list").isNotEmpty();
        Plan plan = Plan.of(Plan.Profile.SMOKE);

        Harness.Outcome outcome = Harness.run(all, plan, VerboseMode.SILENT, System.out);

        assertThat(outcome.failures()).isEmpty();
        for (Workload w : all) {
            List<RunResult> mine = outcome.results().stream()
                    .filter(r -> r.getParams().getBenchmark().equals(w.name())).toList();
            assertThat(mine).as(w.shortName() + "'s runs").hasSize(plan.runs(w));
            for (RunResult r : mine) {
                assertThat(r.getPrimaryResult().getSampleCount()).as(w.shortName() + " measured something")
                        .isPositive();
                assertThat(r.getPrimaryResult().getScore()).as(w.shortName() + "'s score").isNotNaN();
            }
        }

        Report report = Harness.report(all, plan, outcome, "BenchSmokeTest", "smoke");
        for (Workload w : all) {
            List<Row> rows = report.rows().stream().filter(r -> r.workload().equals(w.shortName())).toList();
            assertThat(rows).as(w.shortName() + "'s rows").isNotEmpty();
            if (w.compared()) {
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.system()).isEqualTo(Workload.FERRYMQ);
                    assertThat(r.versus()).isNotNull();
                    assertThat(r.ratio()).isPositive();
                });
            }
        }

        List<Path> files = report.write(Path.of("target", "smoke-results"));
        String md = Files.readString(files.get(0));
        assertThat(md).contains("## Machine", "## Results", "## Settings", "BenchSmokeTest");
        all.forEach(w -> assertThat(md).contains(w.shortName()));

        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("run").path("command").asText()).isEqualTo("BenchSmokeTest");
        assertThat(json.path("rows").size()).isEqualTo(report.rows().size());
        assertThat(json.path("results").size()).isEqualTo(outcome.results().size());
    }
}
