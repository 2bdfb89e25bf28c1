package dev.jtorch.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH timing of the jtorch side of every registered {@link Workload} (libtorch is never loaded here).
 * {@link JmhMain} sets the {@code workload} parameter to all of {@link Workloads#names()}, so a new
 * workload needs no change in this class; the default below only serves a bare JMH launch.
 * Each workload gets its own fork, so its op's call site is monomorphic and inlined.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class JtorchBench {
    /** A workload name from {@link Workloads}. */
    @Param({"add 64K float32"})
    public String workload;

    private Op op;

    @Setup
    public void setup() {
        Workload w = Workloads.byName(workload);
        op = w.jtorch(w.inputs());
    }

    /** One op; JMH consumes the returned result. */
    @Benchmark
    public Object run() {
        return op.run();
    }
}
