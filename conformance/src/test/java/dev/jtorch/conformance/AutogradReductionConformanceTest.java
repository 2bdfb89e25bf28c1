package dev.jtorch.conformance;

import static dev.jtorch.conformance.AutogradInputs.FLOATS;
import static dev.jtorch.conformance.AutogradInputs.choose;
import static dev.jtorch.conformance.AutogradInputs.distinct;
import static dev.jtorch.conformance.AutogradInputs.shape;
import static dev.jtorch.conformance.AutogradInputs.uniform;

import dev.jtorch.MaxMin;
import dev.jtorch.Tensor;
import dev.jtorch.conformance.AutogradOracle.Ours;
import dev.jtorch.conformance.AutogradOracle.Theirs;
import dev.jtorch.conformance.AutogradOracle.Tol;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.pytorch.LongArrayRefOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every differentiable reduction against libtorch 2.10: output, grad_fn name and input gradient,
 * on random shapes of rank 0..3 (empty dims where the reduction allows them), random sets of
 * dims (negative ones too), keepdim both ways, contiguous and strided inputs, float32 and float64;
 * ties (max, min, amax: the gradient is shared as PyTorch shares it), exact zeros (prod, cumprod),
 * zero norms and zero standard deviations. Tolerance {@link Tol#REDUCTION}: rtol 1e-5 (float32)
 * or 1e-10 (float64) relative to the largest magnitude (summation order differs).
 */
class AutogradReductionConformanceTest {
    private static final int TRIALS = 10;
    private final Random r = new Random(0x7ed0c7);

    @BeforeEach
    void requireLibtorch() {
        Oracle.require();
    }

    /** A non-empty random subset of the dims of a rank-{@code rank} tensor, some written negative. */
    private int[] dims(int rank) {
        if (rank == 0) {
            return new int[] {r.nextBoolean() ? 0 : -1};
        }
        int bits = 1 + r.nextInt((1 << rank) - 1);
        int[] d = new int[Integer.bitCount(bits)];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            if ((bits >> i & 1) != 0) {
                d[k++] = r.nextBoolean() ? i - rank : i;
            }
        }
        return d;
    }

    private int dim(int rank) {
        return dims(rank)[0];
    }

    private static long[] longs(int[] d) {
        return Arrays.stream(d).asLongStream().toArray();
    }

    private void run(String what, NDArray a, Ours ours, Theirs theirs) {
        AutogradOracle.check(what, new NDArray[] {a}, new boolean[] {true}, ours, theirs, Tol.REDUCTION, r);
    }

    @Test
    void sumAndMean() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                NDArray a = uniform(r, t, shape(r, 0, 3, true), -3, 3, r.nextBoolean());
                int[] d = dims(a.dim());
                boolean k = r.nextBoolean();
                run("sum", a, x -> x[0].sum(), th -> torch.sum(th[0]));
                run("sum dims " + Arrays.toString(d) + " keepdim " + k, a, x -> x[0].sum(d, k),
                        th -> torch.sum(th[0], longs(d), k, new ScalarTypeOptional()));
                run("mean", a, x -> x[0].mean(), th -> torch.mean(th[0]));
                run("mean dims " + Arrays.toString(d) + " keepdim " + k, a, x -> x[0].mean(d, k),
                        th -> torch.mean(th[0], longs(d), k, new ScalarTypeOptional()));
            }
        }
    }

    @Test
    void prod() {
        for (DType t : FLOATS) {
            for (int i = 0; i < 2 * TRIALS; i++) {
                int[] s = shape(r, 0, 3, true);
                NDArray a = i % 2 == 0 ? uniform(r, t, s, -2, 2, r.nextBoolean()) : choose(r, t, s, 0, 0, 0.5, -1.5, 2, 1.25);
                int d = dim(a.dim());
                boolean k = r.nextBoolean();
                run("prod", a, x -> x[0].prod(), th -> torch.prod(th[0]));
                run("prod dim " + d + " keepdim " + k, a, x -> x[0].prod(d, k),
                        th -> torch.prod(th[0], d, k, new ScalarTypeOptional()));
            }
        }
    }

    /** Distinct values and values with ties: max()/min() share a tied gradient evenly, max(dim) gives it to the index. */
    @Test
    void maxMinAmaxAmin() {
        for (DType t : FLOATS) {
            for (int i = 0; i < 2 * TRIALS; i++) {
                int[] s = shape(r, 0, 3, false);
                NDArray a = i % 2 == 0 ? distinct(r, t, s, -3, 3) : choose(r, t, s, -1, 0, 1);
                int d = dim(a.dim());
                int[] ds = dims(a.dim());
                boolean k = r.nextBoolean();
                run("max", a, x -> x[0].max(), th -> th[0].max());
                run("min", a, x -> x[0].min(), th -> th[0].min());
                run("max dim " + d + " keepdim " + k, a, x -> checkIndices(x[0].max(d, k), a, d, k, true),
                        th -> th[0].max(d, k).get0());
                run("min dim " + d + " keepdim " + k, a, x -> checkIndices(x[0].min(d, k), a, d, k, false),
                        th -> th[0].min(d, k).get0());
                run("amax " + Arrays.toString(ds) + " keepdim " + k, a, x -> x[0].amax(ds, k), th -> torch.amax(th[0], longs(ds), k));
                run("amin " + Arrays.toString(ds) + " keepdim " + k, a, x -> x[0].amin(ds, k), th -> torch.amin(th[0], longs(ds), k));
            }
        }
    }

    /** The indices of max/min along a dim are libtorch's, exactly, and do not require grad. */
    private static Tensor checkIndices(MaxMin mm, NDArray a, int d, boolean k, boolean max) {
        try (org.bytedeco.javacpp.PointerScope scope = new org.bytedeco.javacpp.PointerScope()) {
            org.bytedeco.pytorch.Tensor ta = Oracle.toTorch(a);
            Oracle.assertExact(Oracle.fromTorch(max ? ta.max(d, k).get1() : ta.min(d, k).get1()), mm.indices().array(),
                    (max ? "max" : "min") + " indices");
        }
        org.junit.jupiter.api.Assertions.assertFalse(mm.indices().requiresGrad(), "indices require grad");
        return mm.values();
    }

    /** var/std with correction 0, 1 and 2.5 (n <= correction gives inf/NaN gradients, as in PyTorch); constant rows give std 0. */
    @Test
    void varAndStd() {
        for (DType t : FLOATS) {
            for (int i = 0; i < 2 * TRIALS; i++) {
                int[] s = shape(r, 0, 3, false);
                NDArray a = i % 4 == 3 ? choose(r, t, s, 1.5) : uniform(r, t, s, -3, 3, r.nextBoolean());
                int[] ds = dims(a.dim());
                double c = new double[] {0, 1, 2.5}[r.nextInt(3)];
                boolean k = r.nextBoolean();
                String how = Arrays.toString(ds) + " correction " + c + " keepdim " + k;
                run("var", a, x -> x[0].var(), th -> torch.var(th[0]));
                run("std", a, x -> x[0].std(), th -> torch.std(th[0]));
                run("var " + how, a, x -> x[0].var(ds, c, k),
                        th -> th[0].var(longs(ds), new ScalarOptional(new Scalar(c)), k));
                run("std " + how, a, x -> x[0].std(ds, c, k),
                        th -> th[0].std(longs(ds), new ScalarOptional(new Scalar(c)), k));
                run("var all correction " + c, a, x -> x[0].var(null, c, false),
                        th -> th[0].var(new LongArrayRefOptional(), new ScalarOptional(new Scalar(c)), false));
            }
        }
    }

    @Test
    void logsumexp() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                NDArray a = uniform(r, t, shape(r, 0, 3, false), -3, 3, r.nextBoolean());
                int[] ds = dims(a.dim());
                boolean k = r.nextBoolean();
                run("logsumexp " + Arrays.toString(ds) + " keepdim " + k, a, x -> x[0].logsumexp(ds, k),
                        th -> torch.logsumexp(th[0], longs(ds), k));
            }
        }
    }

    /** torch.norm is linalg.vector_norm in PyTorch's Python API (LinalgVectorNormBackward0); a zero 2-norm has a zero gradient. */
    @Test
    void norm() {
        double[] orders = {2, 1, 3, 0.5, 1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -1};
        for (DType t : FLOATS) {
            for (int i = 0; i < 2 * TRIALS; i++) {
                int[] s = shape(r, 0, 3, false);
                double p = orders[r.nextInt(orders.length)];
                NDArray a = i % 5 == 4 ? choose(r, t, s, 0) : p == 2 || p == 3 ? uniform(r, t, s, -3, 3, r.nextBoolean())
                        : AutogradInputs.avoiding(r, t, s, -3, 3, 0.05, 0);
                if (Double.isInfinite(p)) {
                    a = distinct(r, t, s, 0.1, 3);
                }
                int[] ds = dims(a.dim());
                boolean k = r.nextBoolean();
                run("norm p " + p, a, x -> x[0].norm(p), th -> torch.linalg_vector_norm(th[0], new Scalar(p),
                        new LongArrayRefOptional(), false, new ScalarTypeOptional()));
                run("norm p " + p + " dims " + Arrays.toString(ds) + " keepdim " + k, a, x -> x[0].norm(p, ds, k),
                        th -> torch.linalg_vector_norm(th[0], new Scalar(p), longs(ds), k, new ScalarTypeOptional()));
            }
        }
    }

    @Test
    void cumulative() {
        for (DType t : FLOATS) {
            for (int i = 0; i < 2 * TRIALS; i++) {
                int[] s = shape(r, 0, 3, true);
                NDArray a = i % 2 == 0 ? uniform(r, t, s, -2, 2, r.nextBoolean()) : choose(r, t, s, 0, 0, 0.5, -1.5, 2);
                int d = dim(a.dim());
                run("cumsum dim " + d, a, x -> x[0].cumsum(d), th -> torch.cumsum(th[0], d));
                run("cumprod dim " + d, a, x -> x[0].cumprod(d), th -> torch.cumprod(th[0], d));
            }
        }
    }

    @Test
    void softmaxAndLogSoftmax() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                NDArray a = uniform(r, t, shape(r, 0, 3, true), -5, 5, r.nextBoolean());
                int d = dim(a.dim());
                run("softmax dim " + d, a, x -> x[0].softmax(d), th -> torch.softmax(th[0], d));
                run("log_softmax dim " + d, a, x -> x[0].logSoftmax(d), th -> torch.log_softmax(th[0], d));
            }
        }
    }
}
