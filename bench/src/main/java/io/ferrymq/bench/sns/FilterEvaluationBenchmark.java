package io.ferrymq.bench.sns;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.event.ruler.GenericMachine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Workload 5, filter evaluation alone: one message's attributes matched against the 100 filter policies of
 * {@link Policies} (10 of them match), in messages per second, on one thread.
 * <ul>
 * <li>{@code ferrymq}: what a FerryMQ topic does (SubscriptionRouter): all policies compiled into one Event Ruler
 * {@code GenericMachine<String>}, each rule named by its subscription ARN, and one
 * {@code rulesForJSONEvent(JsonNode)} per message.</li>
 * <li>{@code one-at-a-time}: each policy in its own machine, evaluated one after another with the same call, the
 * matches collected: what an engine that checks subscriptions one by one does.</li>
 * </ul>
 * The engine's SubscriptionRouter and FilterPolicy are package-private, so this rebuilds the same thing with Event
 * Ruler's public API (the very calls SubscriptionRouter makes: {@code addRule(arn, policyJson)},
 * {@code rulesForJSONEvent(event)}) and the event as the engine builds it ({@link Policies#event}); the policies pass
 * FerryMQ's own validation in {@link SnsFanOutBenchmark}, which subscribes with them. Building the event is left out on
 * both sides: it is the same work whichever way the policies are matched. Setup checks that both sides find the
 * same 10 matches for every message.
 *
 * <p>Smoke mode: nothing to scale (the policy set is fixed, setup takes milliseconds); the harness shortens
 * iterations and forks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class FilterEvaluationBenchmark {
    @Param({"ferrymq", "one-at-a-time"})
    public String system;

    private boolean together;
    private GenericMachine<String> shared;
    private final List<GenericMachine<String>> each = new ArrayList<>();
    private final JsonNode[] events = new JsonNode[Policies.MESSAGES];
    private int next;

    @Setup(Level.Trial)
    public void compile() throws Exception {
        together = system.equals("ferrymq");
        List<String> policies = Policies.policies();
        shared = GenericMachine.<String>builder().build(); // = new GenericMachine<>(), as SubscriptionRouter has it
        for (int i = 0; i < policies.size(); i++) {
            shared.addRule(arn(i), policies.get(i));
            GenericMachine<String> one = GenericMachine.<String>builder().build();
            one.addRule(arn(i), policies.get(i));
            each.add(one);
        }
        for (int n = 0; n < events.length; n++) {
            events[n] = Policies.event(n);
            Set<String> byShared = new HashSet<>(shared.rulesForJSONEvent(events[n]));
            Set<String> oneByOne = new HashSet<>(oneAtATime(events[n]));
            if (byShared.size() != Policies.MATCHES_PER_MESSAGE || !byShared.equals(oneByOne)) {
                throw new IllegalStateException("message " + n + ": the shared machine matched " + byShared
                        + ", one at a time " + oneByOne);
            }
        }
    }

    private static String arn(int i) {
        return "arn:aws:sns:us-east-1:000000000000:bench:00000000-0000-0000-0000-" + String.format("%012d", i);
    }

    @Benchmark
    public List<String> match() {
        JsonNode event = events[next];
        next = next + 1 == events.length ? 0 : next + 1;
        return together ? shared.rulesForJSONEvent(event) : oneAtATime(event);
    }

    private List<String> oneAtATime(JsonNode event) {
        List<String> matched = new ArrayList<>(Policies.MATCHES_PER_MESSAGE);
        for (GenericMachine<String> m : each) {
            matched.addAll(m.rulesForJSONEvent(event));
        }
        return matched;
    }
}
