package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Random streams against libtorch 2.10, bit for bit (tolerance: none; the same seed must give the
 * same bits and leave the generator in the same state, which {@link #assertSameState} compares
 * byte for byte through {@code get_state()}). libtorch functions compared: {@code torch::manual_seed},
 * {@code torch::rand}, {@code torch::randn}, {@code torch::randint}, {@code torch::randperm},
 * {@code torch::rand_like}, {@code torch::randn_like}, {@code Tensor::uniform_},
 * {@code Tensor::normal_}, {@code Tensor::bernoulli_(double p)}, {@code Tensor::random_} (all
 * overloads), {@code at::detail::createCPUGenerator}, {@code Generator::get_state}.
 */
class RandomConformanceTest {
    static final int[] SIZES = {0, 1, 3, 15, 16, 17, 31, 32, 33, 100, 1000, 4097};
    static final DType[] FLOATS = {DType.FLOAT32, DType.FLOAT64};

    static TensorOptions opts(DType t) {
        return new TensorOptions(Oracle.scalarType(t));
    }

    static long[] longs(int... s) {
        long[] l = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            l[i] = s[i];
        }
        return l;
    }

    static GeneratorOptional global() {
        return new GeneratorOptional();
    }

    static void seedBoth(long seed) {
        torch.manual_seed(seed);
        Generator.manualSeedGlobal(seed);
    }

    /**
     * The global generators are in the same state: stream position, words, cached normal. The
     * cached double normal may differ by a few ulp (see {@link #check}); everything else is byte-exact.
     */
    static void assertSameState(String what) {
        assertSameState(GeneratorConformanceTest.torchState(torch.getDefaultCPUGenerator()),
                Generator.defaultGenerator().getState(), what);
    }

    /** Offset of the cached double normal in PyTorch's 5056-byte CPU generator state. */
    static final int OFF_NORMAL_Y = 8 + 4 + 4 + 8 + 8 * 624 + 8;

    static void assertSameState(byte[] expected, byte[] actual, String what) {
        java.nio.ByteBuffer e = java.nio.ByteBuffer.wrap(expected).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        java.nio.ByteBuffer a = java.nio.ByteBuffer.wrap(actual).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double en = e.getDouble(OFF_NORMAL_Y);
        double an = a.getDouble(OFF_NORMAL_Y);
        org.junit.jupiter.api.Assertions.assertTrue(en == an || Math.abs(en - an) <= 1e-14,
                what + ": cached normal " + an + " vs libtorch's " + en);
        byte[] ec = expected.clone();
        byte[] ac = actual.clone();
        java.util.Arrays.fill(ec, OFF_NORMAL_Y, OFF_NORMAL_Y + 8, (byte) 0);
        java.util.Arrays.fill(ac, OFF_NORMAL_Y, OFF_NORMAL_Y + 8, (byte) 0);
        assertArrayEquals(ec, ac, what + ": generator state after the call");
    }

    /**
     * Bit-exact, except float64 normals within 1e-14 absolute: libtorch's scalar normal path uses
     * glibc's sin/cos (LGPL, not shipped here); jtorch uses fdlibm's, which differs in the last bit
     * in about 0.2% of results. That error is absolute (an ulp of sin, times {@code r * std} of a few
     * units), so near zero it is many ulp of the result; 1e-14 bounds it for the std values tested.
     * Only normals are affected (uniforms, integers and permutations stay bit-exact in float64 too).
     * Float32, int64 and bool results are always compared bit for bit.
     */
    static void check(NDArray expected, NDArray actual, String what) {
        if (expected.dtype() == DType.FLOAT64) {
            Oracle.assertClose(expected, actual, 0, 1e-14, what);
        } else {
            Oracle.assertExact(expected, actual, what);
        }
        assertSameState(what);
    }

    @Test
    void randMatchesForEverySizeAndDtype() {
        Oracle.require();
        for (DType dt : FLOATS) {
            for (int n : SIZES) {
                try (PointerScope s = new PointerScope()) {
                    seedBoth(n);
                    NDArray expected = Oracle.fromTorch(torch.rand(longs(n), opts(dt)));
                    check(expected, NDArray.rand(dt, n), "rand(" + n + ") " + dt);
                }
            }
        }
    }

    @Test
    void randnMatchesForEverySizeAndDtype() {
        Oracle.require();
        for (DType dt : FLOATS) {
            for (int n : SIZES) {
                try (PointerScope s = new PointerScope()) {
                    seedBoth(100 + n);
                    NDArray expected = Oracle.fromTorch(torch.randn(longs(n), opts(dt)));
                    check(expected, NDArray.randn(dt, n), "randn(" + n + ") " + dt);
                }
            }
        }
    }

    @Test
    void randnMultiDimensionalShapes() {
        Oracle.require();
        int[][] shapes = {{4, 4}, {3, 5}, {2, 3, 7}, {17, 3}, {1, 1, 16}, {}};
        for (DType dt : FLOATS) {
            for (int[] shape : shapes) {
                try (PointerScope s = new PointerScope()) {
                    seedBoth(7);
                    NDArray expected = Oracle.fromTorch(torch.randn(longs(shape), opts(dt)));
                    check(expected, NDArray.randn(dt, shape), "randn" + java.util.Arrays.toString(shape) + " " + dt);
                }
            }
        }
    }

    /** One seeded stream through many calls: stream position and the cached normal both carry over. */
    @Test
    void mixedSequenceInOneStream() {
        Oracle.require();
        int[] sizes = {3, 1, 17, 5, 16, 2, 33, 1, 15, 4097, 7, 1, 31, 100};
        try (PointerScope s = new PointerScope()) {
            seedBoth(2024);
            for (int k = 0; k < sizes.length; k++) {
                int n = sizes[k];
                DType dt = FLOATS[k % 2];
                String what = "step " + k + " n=" + n + " " + dt;
                check(Oracle.fromTorch(torch.randn(longs(n), opts(dt))), NDArray.randn(dt, n), "randn " + what);
                check(Oracle.fromTorch(torch.rand(longs(n), opts(dt))), NDArray.rand(dt, n), "rand " + what);
                if (k % 3 == 0) {
                    check(Oracle.fromTorch(torch.randint(-50, 50, longs(n))), NDArray.randint(-50, 50, new int[] {n}),
                            "randint " + what);
                    check(Oracle.fromTorch(torch.randperm(n)), NDArray.randperm(n), "randperm " + what);
                }
                if (k % 4 == 1) {
                    Tensor b = torch.zeros(longs(n), opts(dt));
                    b.bernoulli_(0.25, global());
                    check(Oracle.fromTorch(b), NDArray.zeros(dt, n).bernoulli_(0.25), "bernoulli_ " + what);
                }
            }
        }
    }

    /**
     * Hundreds of thousands of normals per path, so that rare last-bit differences in the math
     * (avx_mathfun, glibc's log/log1p/sin/cos, which products are fused) would show.
     */
    @Test
    void manySamplesOnEveryNormalPath() {
        Oracle.require();
        for (DType dt : FLOATS) {
            try (PointerScope s = new PointerScope()) {
                seedBoth(11);
                check(Oracle.fromTorch(torch.randn(longs(200_003), opts(dt))), NDArray.randn(dt, 200_003),
                        "randn(200003) " + dt);
                Tensor base = torch.zeros(longs(400, 250), opts(dt));
                base.t().normal_(0.1, 3, global()); // not contiguous: one normal_distribution<double> per element
                NDArray ours = NDArray.zeros(dt, 400, 250);
                ours.t().normal_(0.1, 3);
                check(Oracle.fromTorch(base), ours, "normal_ on a transposed 400x250 " + dt);
            }
        }
    }

    @Test
    void uniformWithBounds() {
        Oracle.require();
        double[][] bounds = {{-3.7, 2.9}, {0, 1e-3}, {-1e10, 1e10}, {5, 5}, {-0.5, 0.5}};
        for (DType dt : FLOATS) {
            for (double[] b : bounds) {
                for (int n : new int[] {1, 17, 1000}) {
                    try (PointerScope s = new PointerScope()) {
                        seedBoth(n);
                        Tensor t = torch.zeros(longs(n), opts(dt));
                        t.uniform_(b[0], b[1], global());
                        NDArray ours = NDArray.zeros(dt, n).uniform_(b[0], b[1]);
                        check(Oracle.fromTorch(t), ours, "uniform_(" + b[0] + ", " + b[1] + ") n=" + n + " " + dt);
                    }
                }
            }
        }
    }

    @Test
    void normalWithMeanAndStd() {
        Oracle.require();
        double[][] params = {{0.3, 2.5}, {-1, 0}, {100, 1e-3}, {0, 1}};
        for (DType dt : FLOATS) {
            for (double[] p : params) {
                for (int n : new int[] {5, 16, 37, 1000}) {
                    try (PointerScope s = new PointerScope()) {
                        seedBoth(n + 1);
                        Tensor t = torch.zeros(longs(n), opts(dt));
                        t.normal_(p[0], p[1], global());
                        NDArray ours = NDArray.zeros(dt, n).normal_(p[0], p[1]);
                        check(Oracle.fromTorch(t), ours, "normal_(" + p[0] + ", " + p[1] + ") n=" + n + " " + dt);
                    }
                }
            }
        }
    }

    /**
     * In-place sampling into views. A transposed or permuted view is filled in storage order
     * (TensorIterator sorts dims by stride) and, being non-contiguous, takes the scalar normal path.
     */
    @Test
    void inPlaceOnNonContiguousViews() {
        Oracle.require();
        for (DType dt : FLOATS) {
            view(dt, "transpose(0,1) of 8x5", new int[] {8, 5}, t -> t.transpose(0, 1), t -> t.transpose(0, 1));
            view(dt, "transpose(0,1) of 40x30", new int[] {40, 30}, t -> t.transpose(0, 1), t -> t.transpose(0, 1));
            view(dt, "permute(2,0,1) of 3x4x5", new int[] {3, 4, 5}, t -> t.permute(2, 0, 1), t -> t.permute(2, 0, 1));
            view(dt, "column slice of 6x9", new int[] {6, 9}, t -> t.narrow(1, 2, 5), t -> t.narrow(1, 2, 5));
            view(dt, "every other row of 20x4", new int[] {20, 4}, t -> t.slice(0, 1, 20, 2),
                    t -> t.slice(0, new LongOptional(1), new LongOptional(20), 2));
            view(dt, "contiguous row block of 10x8 (offset)", new int[] {10, 8}, t -> t.narrow(0, 3, 4), t -> t.narrow(0, 3, 4));
        }
    }

    private static void view(DType dt, String what, int[] shape, Function<NDArray, NDArray> ours,
            Function<Tensor, Tensor> theirs) {
        String[] ops = {"normal_", "uniform_", "bernoulli_", "random_"};
        for (String op : ops) {
            try (PointerScope s = new PointerScope()) {
                seedBoth(31);
                Tensor base = torch.zeros(longs(shape), opts(dt));
                NDArray ourBase = NDArray.zeros(dt, shape);
                Tensor tv = theirs.apply(base);
                NDArray ov = ours.apply(ourBase);
                // normal_ twice so that the cached second sample of the scalar path is exercised
                switch (op) {
                    case "normal_": tv.normal_(0.5, 2, global()).normal_(0.5, 2, global());
                        ov.normal_(0.5, 2).normal_(0.5, 2); break;
                    case "uniform_": tv.uniform_(-2, 3, global()); ov.uniform_(-2, 3); break;
                    case "bernoulli_": tv.bernoulli_(0.7, global()); ov.bernoulli_(0.7); break;
                    default: tv.random_(-9, new LongOptional(9), global()); ov.random_(-9, 9); break;
                }
                check(Oracle.fromTorch(base), ourBase, op + " on " + what + " " + dt);
            }
        }
    }

    @Test
    void bernoulliEveryDtype() {
        Oracle.require();
        // hasMKL() is false for this libtorch build, so bernoulli_(p) takes the default kernel on
        // every CPU and the comparison is exact. (MKL builds on Intel CPUs differ: see
        // GeneratorConformanceTest.bernoulliMatchesTheDocumentedAlgorithm.)
        assertEquals(false, torch.hasMKL(), "this test expects libtorch's non-MKL bernoulli_ kernel");
        DType[] all = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};
        for (DType dt : all) {
            for (double p : new double[] {0, 0.3, 0.5, 1}) {
                for (int n : new int[] {1, 33, 1000}) {
                    try (PointerScope s = new PointerScope()) {
                        seedBoth(n);
                        Tensor t = torch.zeros(longs(n), opts(dt));
                        t.bernoulli_(p, global());
                        check(Oracle.fromTorch(t), NDArray.zeros(dt, n).bernoulli_(p), "bernoulli_(" + p + ") n=" + n + " " + dt);
                    }
                }
            }
        }
    }

    @Test
    void randomWithoutBounds() {
        Oracle.require();
        DType[] all = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};
        for (DType dt : all) {
            try (PointerScope s = new PointerScope()) {
                seedBoth(5);
                Tensor t = torch.zeros(longs(257), opts(dt));
                t.random_(global());
                check(Oracle.fromTorch(t), NDArray.zeros(dt, 257).random_(), "random_() " + dt);
            }
        }
    }

    /** random_(from, to): random() below a range of 2^28, random64() from 2^28 on (libtorch 2.10, any dtype). */
    @Test
    void randomWithRangesBelowAndAbove2To32() {
        Oracle.require();
        long[][] ranges = {{0, 10}, {-5, 5}, {0, (1L << 28) - 1}, {5, 5 + (1L << 28)}, {-(1L << 27), 1L << 27},
            {0, (1L << 32) - 1}, {0, 1L << 32}, {-(1L << 40), 1L << 40}, {0, (1L << 25) + 4}, {(1L << 25) + 1, 1L << 26},
            {Long.MIN_VALUE, Long.MAX_VALUE}, {Long.MIN_VALUE + 7, -3}, {3, 4}};
        for (DType dt : new DType[] {DType.INT64, DType.FLOAT64, DType.FLOAT32}) {
            for (long[] r : ranges) {
                try (PointerScope s = new PointerScope()) {
                    seedBoth(r[0] ^ r[1]);
                    Tensor t = torch.zeros(longs(300), opts(dt));
                    t.random_(r[0], new LongOptional(r[1]), global());
                    NDArray ours = NDArray.zeros(dt, 300).random_(r[0], r[1]);
                    check(Oracle.fromTorch(t), ours, "random_(" + r[0] + ", " + r[1] + ") " + dt);
                }
            }
        }
    }

    /** random_(from, to=None) and the full 64-bit range random_(int64 min, None). */
    @Test
    void randomWithoutUpperBound() {
        Oracle.require();
        long[] froms = {0, -7, 1L << 40, Long.MIN_VALUE, (1L << 25) + 1};
        for (DType dt : new DType[] {DType.INT64, DType.FLOAT64, DType.FLOAT32}) {
            for (long from : froms) {
                if (dt == DType.FLOAT32 && from > 1L << 24) {
                    continue; // from > 2^24: an error, compared in GeneratorConformanceTest
                }
                try (PointerScope s = new PointerScope()) {
                    seedBoth(from);
                    Tensor t = torch.zeros(longs(200), opts(dt));
                    t.random_(from, new LongOptional(), global());
                    NDArray ours = NDArray.zeros(dt, 200).random_(from, (Long) null, null);
                    check(Oracle.fromTorch(t), ours, "random_(" + from + ", None) " + dt);
                }
            }
        }
    }

    @Test
    void randintRangesAndDtypes() {
        Oracle.require();
        long[][] ranges = {{0, 3}, {-100, 100}, {0, (1L << 28) - 1}, {0, 1L << 28}, {0, 1L << 33},
            {-(1L << 50), 1L << 50}, {7, 8}};
        for (long[] r : ranges) {
            for (int n : new int[] {1, 16, 1000}) {
                try (PointerScope s = new PointerScope()) {
                    seedBoth(n);
                    check(Oracle.fromTorch(torch.randint(r[0], r[1], longs(n))), NDArray.randint(r[0], r[1], new int[] {n}),
                            "randint(" + r[0] + ", " + r[1] + ", " + n + ")");
                }
            }
        }
        try (PointerScope s = new PointerScope()) {
            seedBoth(1);
            check(Oracle.fromTorch(torch.randint(10, longs(4, 5))), NDArray.randint(10, new int[] {4, 5}), "randint(10, (4, 5))");
            check(Oracle.fromTorch(torch.randint(-3, 1000, longs(33), opts(DType.FLOAT32))),
                    NDArray.randint(-3, 1000, new int[] {33}, DType.FLOAT32, null), "randint float32");
        }
    }

    @Test
    void randpermSizes() {
        Oracle.require();
        for (int n : new int[] {0, 1, 2, 10, 1000}) {
            for (DType dt : new DType[] {DType.INT64, DType.FLOAT32, DType.FLOAT64}) {
                try (PointerScope s = new PointerScope()) {
                    seedBoth(n);
                    check(Oracle.fromTorch(torch.randperm(n, opts(dt))), NDArray.randperm(n, dt, null), "randperm(" + n + ") " + dt);
                }
            }
        }
    }

    @Test
    void likeVariants() {
        Oracle.require();
        for (DType dt : FLOATS) {
            try (PointerScope s = new PointerScope()) {
                seedBoth(3);
                NDArray a = NDArray.zeros(dt, 3, 7);
                Tensor ta = Oracle.toTorch(a);
                check(Oracle.fromTorch(torch.rand_like(ta)), NDArray.randLike(a), "rand_like " + dt);
                check(Oracle.fromTorch(torch.randn_like(ta)), NDArray.randnLike(a), "randn_like " + dt);
                NDArray small = NDArray.zeros(dt, 2, 3);
                check(Oracle.fromTorch(torch.randn_like(Oracle.toTorch(small))), NDArray.randnLike(small), "randn_like small " + dt);
            }
        }
    }

    @Test
    void explicitGeneratorsAreIndependentOfTheGlobalOne() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            seedBoth(0);
            org.bytedeco.pytorch.Generator tg = torch.createCPUGenerator(12345);
            Generator og = new Generator(12345);
            GeneratorOptional tgo = new GeneratorOptional(tg);
            for (int n : new int[] {3, 17, 1}) {
                for (DType dt : FLOATS) {
                    String what = "n=" + n + " " + dt;
                    check(Oracle.fromTorch(torch.randn(longs(n), tgo, opts(dt))), NDArray.randn(og, dt, n),
                            "randn with a generator " + what);
                    check(Oracle.fromTorch(torch.randn(longs(n), opts(dt))), NDArray.randn(dt, n), "global randn " + what);
                    Oracle.assertExact(Oracle.fromTorch(torch.rand(longs(n), tgo, opts(dt))), NDArray.rand(og, dt, n),
                            "rand with a generator " + what);
                }
                Oracle.assertExact(Oracle.fromTorch(torch.randint(-4, 1L << 35, longs(n), tgo)),
                        NDArray.randint(-4, 1L << 35, new int[] {n}, og), "randint with a generator");
                Oracle.assertExact(Oracle.fromTorch(torch.randperm(10 * n, tgo)), NDArray.randperm(10 * n, og),
                        "randperm with a generator");
                Tensor b = torch.zeros(longs(n * 5), opts(DType.FLOAT32));
                b.bernoulli_(0.4, tgo);
                Oracle.assertExact(Oracle.fromTorch(b), NDArray.zeros(n * 5).bernoulli_(0.4, og), "bernoulli_ with a generator");
            }
            assertSameState(GeneratorConformanceTest.torchState(tg), og.getState(), "explicit generator state");
            assertSameState("global generator untouched by the explicit one");
            // torch.Generator() without a seed starts from default_rng_seed_val
            org.bytedeco.pytorch.Generator td = torch.createCPUGenerator();
            Generator od = new Generator();
            assertEquals(td.current_seed(), od.initialSeed(), "default seed");
            Oracle.assertExact(Oracle.fromTorch(torch.rand(longs(20), new GeneratorOptional(td))),
                    NDArray.rand(od, DType.FLOAT32, 20), "rand from torch.Generator()");
        }
    }

    @Test
    void largeSeedsUseTheLow32BitsButKeepTheInitialSeed() {
        Oracle.require();
        long[] seeds = {1L << 32, (1L << 32) + 5, -1, Long.MIN_VALUE, 0xDEADBEEFCAFEL};
        for (long seed : seeds) {
            try (PointerScope s = new PointerScope()) {
                seedBoth(seed);
                assertEquals(torch.getDefaultCPUGenerator().current_seed(), Generator.defaultGenerator().initialSeed(),
                        "initial seed " + seed);
                check(Oracle.fromTorch(torch.rand(longs(9))), NDArray.rand(9), "rand after manual_seed(" + seed + ")");
            }
        }
    }
}
