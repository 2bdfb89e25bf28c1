package dev.jtorch.bench;

import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.bytedeco.pytorch.Tensor;

/**
 * One benchmark case, run on both frameworks from the same float32 inputs: a name, the work one op
 * does (for throughput), issue 3's speed target when it has one, the input shapes, and two factories
 * that turn the inputs (jtorch {@link NDArray}s, libtorch {@link Tensor}s, copies of the same values)
 * into an {@link Op}. Built with {@link #named(String)}:
 *
 * <pre>{@code
 * Workload.named("matmul 512").input(512, 512).input(512, 512)
 *         .work(Work.flops(2.0 * 512 * 512 * 512)).target(0.9)
 *         .jtorch(in -> () -> in.get(0).matmul(in.get(1)))
 *         .libtorch(in -> () -> torch.matmul(in.get(0), in.get(1)))
 *         .build();
 * }</pre>
 *
 * The factories run once per measurement, outside the timed loop; what they build (weights, a model,
 * an optimizer) is state of the op. The libtorch factory runs inside a {@code PointerScope} that the
 * runner closes after the workload, so its tensors are freed then; the libtorch op runs inside
 * scopes that the runner closes every {@link #libtorchScopeEvery()} ops.
 */
public final class Workload {
    /** Inputs are uniform in [-RANGE, RANGE). */
    static final float RANGE = 2f;

    private final String name;
    private final Work work;
    private final OptionalDouble target;
    private final List<int[]> inputShapes;
    private final Function<List<NDArray>, Op> jtorch;
    private final Function<List<Tensor>, Op> libtorch;
    private final int libtorchScopeEvery;
    private final double agreementAtol;
    private final int maxRounds;

    private Workload(Builder b) {
        this.name = b.name;
        this.work = Objects.requireNonNull(b.work, () -> name + ": work(...) is required");
        this.target = b.target;
        this.agreementAtol = b.agreementAtol;
        this.maxRounds = b.maxRounds;
        this.inputShapes = List.copyOf(b.inputShapes);
        this.jtorch = Objects.requireNonNull(b.jtorch, () -> name + ": jtorch(...) is required");
        this.libtorch = Objects.requireNonNull(b.libtorch, () -> name + ": libtorch(...) is required");
        this.libtorchScopeEvery = b.libtorchScopeEvery > 0 ? b.libtorchScopeEvery : defaultScopeEvery(inputShapes);
    }

    /** Starts a workload; the name is what the report and JMH's {@code workload} parameter show. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Work work() {
        return work;
    }

    /** The absolute tolerance of the pre-timing check that both sides agree. */
    public double agreementAtol() {
        return agreementAtol;
    }

    /**
     * For a long workload (see {@link Builder#longRunning}): the most rounds to time, each of one op;
     * 0 for an ordinary workload, calibrated to the runner's round length.
     */
    public int maxRounds() {
        return maxRounds;
    }

    /** The minimum speed (libtorch time / jtorch time) issue 3 asks for, if it names one. */
    public OptionalDouble target() {
        return target;
    }

    /** How many libtorch ops share one {@code PointerScope} (bounded so that unfreed results stay small). */
    public int libtorchScopeEvery() {
        return libtorchScopeEvery;
    }

    /** The inputs, the same values on every call: uniform floats from a seed derived from the name. */
    public List<float[]> inputs() {
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        List<float[]> out = new ArrayList<>();
        for (int[] shape : inputShapes) {
            float[] v = new float[numel(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rnd.nextDouble() * 2 - 1) * RANGE);
            }
            out.add(v);
        }
        return out;
    }

    /** The jtorch op on copies of {@code inputs}. */
    public Op jtorch(List<float[]> inputs) {
        List<NDArray> in = new ArrayList<>();
        for (int i = 0; i < inputShapes.size(); i++) {
            in.add(NDArray.wrap(inputs.get(i).clone(), inputShapes.get(i)));
        }
        return jtorch.apply(in);
    }

    /** The libtorch op on copies of {@code inputs} (call inside a {@code PointerScope} that outlives the op). */
    public Op libtorch(List<float[]> inputs) {
        List<Tensor> in = new ArrayList<>();
        for (int i = 0; i < inputShapes.size(); i++) {
            in.add(Libtorch.tensor(inputs.get(i), inputShapes.get(i)));
        }
        return libtorch.apply(in);
    }

    private static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Math.toIntExact(n);
    }

    /** About 4 MB of inputs per scope, at most 64 ops: small ops amortise the scope, big ones free at once. */
    private static int defaultScopeEvery(List<int[]> shapes) {
        long bytes = 0;
        for (int[] s : shapes) {
            bytes += 4L * numel(s);
        }
        return (int) Math.max(1, Math.min(64, (4L << 20) / Math.max(bytes, 1)));
    }

    /** Collects a workload's parts; {@link #build()} checks that work and both sides are given. */
    public static final class Builder {
        private final String name;
        private Work work;
        private OptionalDouble target = OptionalDouble.empty();
        private final List<int[]> inputShapes = new ArrayList<>();
        private Function<List<NDArray>, Op> jtorch;
        private Function<List<Tensor>, Op> libtorch;
        private int libtorchScopeEvery;
        private double agreementAtol = Crosscheck.ATOL;
        private int maxRounds;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** Adds a float32 input of this shape (inputs are passed to the factories in this order). */
        public Builder input(int... shape) {
            inputShapes.add(Arrays.copyOf(shape, shape.length));
            return this;
        }

        public Builder work(Work w) {
            this.work = w;
            return this;
        }

        /**
         * The absolute tolerance of the check that both sides compute the same values before timing
         * (default {@link Crosscheck#ATOL}); long dot products need more, as their rounding grows with length.
         */
        public Builder agreementAtol(double atol) {
            this.agreementAtol = atol;
            return this;
        }

        /**
         * Marks an op that lasts seconds (a training epoch): each round times one op, without the
         * calibration and warm-up that repeat short ops, and at most {@code rounds} rounds run. The
         * pre-timing agreement run of each side is its warm-up.
         */
        public Builder longRunning(int rounds) {
            if (rounds < 1) {
                throw new IllegalArgumentException("longRunning needs at least 1 round, got " + rounds);
            }
            this.maxRounds = rounds;
            return this;
        }

        /** Issue 3's minimum speed (libtorch time / jtorch time) for this workload. */
        public Builder target(double minSpeed) {
            this.target = OptionalDouble.of(minSpeed);
            return this;
        }

        public Builder jtorch(Function<List<NDArray>, Op> factory) {
            this.jtorch = factory;
            return this;
        }

        public Builder libtorch(Function<List<Tensor>, Op> factory) {
            this.libtorch = factory;
            return this;
        }

        /** Overrides how many libtorch ops share a {@code PointerScope} (1 for ops with big intermediates). */
        public Builder libtorchScopeEvery(int ops) {
            if (ops < 1) {
                throw new IllegalArgumentException("libtorchScopeEvery must be at least 1, got " + ops);
            }
            this.libtorchScopeEvery = ops;
            return this;
        }

        public Workload build() {
            return new Workload(this);
        }
    }
}
