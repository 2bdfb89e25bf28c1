package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * The generator's state and the argument errors against libtorch 2.10: {@code get_state()} bytes
 * load in both directions ({@code Generator::get_state}/{@code set_state}), and every error
 * message equals libtorch's text. Also {@code bernoulli_} against its documented non-MKL algorithm.
 */
class GeneratorConformanceTest {

    /** {@code generator.get_state()} as bytes. */
    static byte[] torchState(org.bytedeco.pytorch.Generator g) {
        long[] v = Oracle.fromTorch(g.get_state().to(torch.ScalarType.Long)).toLongArray();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static void setTorchState(org.bytedeco.pytorch.Generator g, byte[] state) {
        long[] v = new long[state.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = state[i] & 0xFF;
        }
        g.set_state(Oracle.toTorch(NDArray.wrap(v, v.length)).to(torch.ScalarType.Byte));
    }

    static long[] longs(int... s) {
        return RandomConformanceTest.longs(s);
    }

    @Test
    void stateSavedByLibtorchLoadsHereAndTheOtherWayRound() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.Generator tg = torch.createCPUGenerator(42);
            GeneratorOptional tgo = new GeneratorOptional(tg);
            torch.randn(longs(3), tgo); // leaves a cached normal sample and a stream position
            Generator ours = new Generator(7).setState(torchState(tg));
            assertEquals(42, ours.initialSeed());
            Oracle.assertExact(Oracle.fromTorch(torch.randn(longs(5), tgo)), NDArray.randn(ours, DType.FLOAT32, 5),
                    "randn(5) after loading libtorch's state (starts with the cached sample)");

            Generator mine = new Generator(99);
            NDArray.randn(mine, DType.FLOAT64, 1); // caches r*sin
            NDArray.rand(mine, DType.FLOAT32, 700); // crosses a state regeneration
            org.bytedeco.pytorch.Generator other = torch.createCPUGenerator(1);
            setTorchState(other, mine.getState());
            assertArrayEquals(mine.getState(), torchState(other), "state round trip through libtorch");
            assertEquals(99, other.current_seed());
            // float64 normals: within 1e-14 (fdlibm sin/cos instead of glibc's, see RandomConformanceTest.check)
            Oracle.assertClose(Oracle.fromTorch(torch.randn(longs(3), new GeneratorOptional(other), new TensorOptions(torch.ScalarType.Double))),
                    NDArray.randn(mine, DType.FLOAT64, 3), 0, 1e-14, "randn after loading our state into libtorch");
        }
    }

    @Test
    void stateAfterManualSeedAndDraws() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            for (long seed : new long[] {0, 1, 123456789, -5}) {
                org.bytedeco.pytorch.Generator tg = torch.createCPUGenerator(seed);
                Generator og = new Generator(seed);
                assertArrayEquals(torchState(tg), og.getState(), "fresh state, seed " + seed);
                torch.rand(longs(1000), new GeneratorOptional(tg));
                NDArray.rand(og, DType.FLOAT32, 1000);
                assertArrayEquals(torchState(tg), og.getState(), "state after 1000 draws, seed " + seed);
            }
        }
    }

    @Test
    void invalidStatesFailLikeLibtorch() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            byte[] tooShort = new byte[100];
            sameError("state of 100 bytes", () -> setTorchState(torch.createCPUGenerator(0), tooShort),
                    () -> new Generator().setState(tooShort));
            byte[] badLeft = new Generator(3).getState();
            badLeft[8] = 0; // left = 0
            sameError("left = 0", () -> setTorchState(torch.createCPUGenerator(0), badLeft),
                    () -> new Generator().setState(badLeft));
            byte[] badNext = new Generator(3).getState();
            badNext[16] = (byte) 0xFF;
            badNext[17] = (byte) 0x0F; // next = 4095 > 624
            sameError("next > 624", () -> setTorchState(torch.createCPUGenerator(0), badNext),
                    () -> new Generator().setState(badNext));
        }
    }

    /** Messages compared verbatim; libtorch's text ends before "Exception raised from". */
    static void sameError(String what, Runnable theirs, Runnable ours) {
        String expected = null;
        try {
            theirs.run();
        } catch (RuntimeException e) {
            String m = e.getMessage();
            int cut = m.indexOf("\nException raised from");
            expected = cut >= 0 ? m.substring(0, cut) : m;
        }
        assertNotNull(expected, what + ": libtorch accepted it");
        RuntimeException ex = assertThrows(RuntimeException.class, ours::run, what + ": jtorch accepted it");
        assertEquals(expected, ex.getMessage(), what);
    }

    static Tensor empty(DType dt, long... shape) {
        return torch.zeros(shape, new TensorOptions(Oracle.scalarType(dt)));
    }

    @Test
    void argumentErrorsMatchLibtorch() {
        Oracle.require();
        GeneratorOptional none = new GeneratorOptional();
        try (PointerScope s = new PointerScope()) {
            sameError("randint(5, 5)", () -> torch.randint(5, 5, longs(3)), () -> NDArray.randint(5, 5, new int[] {3}));
            sameError("randint(5, 2)", () -> torch.randint(5, 2, longs(3)), () -> NDArray.randint(5, 2, new int[] {3}));
            sameError("random_ float32 from casted",
                    () -> empty(DType.FLOAT32, 3).random_((1L << 25) + 1, new LongOptional((1L << 25) + 3), none),
                    () -> NDArray.zeros(3).random_((1L << 25) + 1, (1L << 25) + 3));
            sameError("random_ float32 from > 2^24, to=None",
                    () -> empty(DType.FLOAT32, 3).random_(1L << 24, new LongOptional(), none),
                    () -> NDArray.zeros(3).random_(1L << 24, (Long) null, null));
            sameError("random_ bool to out of bounds", () -> empty(DType.BOOL, 3).random_(0, new LongOptional(3), none),
                    () -> NDArray.zeros(DType.BOOL, 3).random_(0, 3));
            sameError("random_ bool from out of bounds", () -> empty(DType.BOOL, 3).random_(-1, new LongOptional(1), none),
                    () -> NDArray.zeros(DType.BOOL, 3).random_(-1, 1));
            sameError("randperm(-1)", () -> torch.randperm(-1), () -> NDArray.randperm(-1));
            sameError("randperm float32 too large",
                    () -> torch.randperm((1 << 24) + 2, new TensorOptions(torch.ScalarType.Float)),
                    () -> NDArray.randperm((1 << 24) + 2, DType.FLOAT32, null));
            sameError("uniform_(5, 3)", () -> empty(DType.FLOAT32, 3).uniform_(5, 3, none), () -> NDArray.zeros(3).uniform_(5, 3));
            sameError("uniform_ from below float min", () -> empty(DType.FLOAT32, 3).uniform_(-1e39, 0, none),
                    () -> NDArray.zeros(3).uniform_(-1e39, 0));
            sameError("uniform_ range above float max", () -> empty(DType.FLOAT32, 3).uniform_(-3e38, 3e38, none),
                    () -> NDArray.zeros(3).uniform_(-3e38, 3e38));
            sameError("uniform_ nan", () -> empty(DType.FLOAT32, 3).uniform_(Double.NaN, 1, none),
                    () -> NDArray.zeros(3).uniform_(Double.NaN, 1));
            sameError("uniform_ to=inf double", () -> empty(DType.FLOAT64, 3).uniform_(0, Double.POSITIVE_INFINITY, none),
                    () -> NDArray.zeros(DType.FLOAT64, 3).uniform_(0, Double.POSITIVE_INFINITY));
            sameError("uniform_ int64", () -> empty(DType.INT64, 3).uniform_(0, 1, none), () -> NDArray.zeros(DType.INT64, 3).uniform_());
            sameError("uniform_ empty int64", () -> empty(DType.INT64, 0).uniform_(0, 1, none),
                    () -> NDArray.zeros(DType.INT64, 0).uniform_());
            sameError("rand int64", () -> torch.rand(longs(3), new TensorOptions(torch.ScalarType.Long)),
                    () -> NDArray.rand(DType.INT64, 3));
            sameError("normal_ std -1", () -> empty(DType.FLOAT32, 3).normal_(0, -1, none), () -> NDArray.zeros(3).normal_(0, -1));
            sameError("normal_ std -0.5", () -> empty(DType.FLOAT32, 3).normal_(0, -0.5, none), () -> NDArray.zeros(3).normal_(0, -0.5));
            sameError("normal_ std nan", () -> empty(DType.FLOAT32, 3).normal_(0, Double.NaN, none),
                    () -> NDArray.zeros(3).normal_(0, Double.NaN));
            sameError("randn int64", () -> torch.randn(longs(3), new TensorOptions(torch.ScalarType.Long)),
                    () -> NDArray.randn(DType.INT64, 3));
            sameError("normal_ bool", () -> empty(DType.BOOL, 20).normal_(0, 1, none), () -> NDArray.zeros(DType.BOOL, 20).normal_());
            sameError("bernoulli_(1.5)", () -> empty(DType.FLOAT32, 3).bernoulli_(1.5, none), () -> NDArray.zeros(3).bernoulli_(1.5));
            sameError("bernoulli_(-0.5)", () -> empty(DType.FLOAT32, 3).bernoulli_(-0.5, none), () -> NDArray.zeros(3).bernoulli_(-0.5));
            sameError("bernoulli_(nan)", () -> empty(DType.FLOAT32, 3).bernoulli_(Double.NaN, none),
                    () -> NDArray.zeros(3).bernoulli_(Double.NaN));
            sameError("bool full 64-bit range", () -> empty(DType.BOOL, 3).random_(Long.MIN_VALUE, new LongOptional(), none),
                    () -> NDArray.zeros(DType.BOOL, 3).random_(Long.MIN_VALUE, (Long) null, null));
            for (int n : new int[] {4, 20}) {
                sameError("normal_ on expanded " + n, () -> empty(DType.FLOAT32, 1).expand(n).normal_(0, 1, none),
                        () -> NDArray.zeros(1).expand(n).normal_());
                sameError("uniform_ on expanded " + n, () -> empty(DType.FLOAT32, 1).expand(n).uniform_(0, 1, none),
                        () -> NDArray.zeros(1).expand(n).uniform_());
                sameError("bernoulli_ on expanded " + n, () -> empty(DType.FLOAT32, 1).expand(n).bernoulli_(0.5, none),
                        () -> NDArray.zeros(1).expand(n).bernoulli_());
                sameError("random_ on expanded " + n, () -> empty(DType.FLOAT32, 1).expand(n).random_(none),
                        () -> NDArray.zeros(1).expand(n).random_());
            }
        }
    }

    /** Empty tensors: no draw, no error where libtorch returns early. */
    @Test
    void emptyTensorsDrawNothing() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            RandomConformanceTest.seedBoth(8);
            empty(DType.INT64, 0).normal_(0, 1, new GeneratorOptional());
            NDArray.zeros(DType.INT64, 0).normal_();
            empty(DType.FLOAT32, 0, 3).uniform_(0, 1, new GeneratorOptional());
            NDArray.zeros(0, 3).uniform_();
            empty(DType.BOOL, 0).random_(Long.MIN_VALUE, new LongOptional(), new GeneratorOptional());
            NDArray.zeros(DType.BOOL, 0).random_(Long.MIN_VALUE, (Long) null, null);
            RandomConformanceTest.assertSameState("after sampling into empty tensors");
        }
    }

    /**
     * bernoulli_(p): exact against libtorch when its kernel is the default one (no MKL, or a non-Intel
     * CPU); with an MKL build on Intel, libtorch seeds MKL's VSL stream instead, so only the
     * statistics can agree. Either way our values equal the documented algorithm
     * {@code uniform<double>() < p} with one random64() per element.
     */
    @Test
    void bernoulliMatchesTheDocumentedAlgorithm() throws Exception {
        Oracle.require();
        int n = 100_000;
        double p = 0.3;
        Generator reference = new Generator(77);
        double[] expected = new double[n];
        long ones = 0;
        for (int i = 0; i < n; i++) {
            double u = (reference.random64() & ((1L << 53) - 1)) * 0x1p-53;
            expected[i] = u < p ? 1 : 0;
            ones += (long) expected[i];
        }
        NDArray ours = NDArray.zeros(DType.FLOAT64, n).bernoulli_(p, new Generator(77));
        assertArrayEquals(expected, ours.toDoubleArray(), 0.0, "documented algorithm");
        double sigma = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(ones - n * p) < 5 * sigma, "mean of bernoulli_(0.3): " + (double) ones / n);
        try (PointerScope s = new PointerScope()) {
            Tensor t = empty(DType.FLOAT64, n);
            t.bernoulli_(p, new GeneratorOptional(torch.createCPUGenerator(77)));
            NDArray theirs = Oracle.fromTorch(t);
            if (torch.hasMKL() && intelCpu()) {
                double mean = theirs.toDoubleArray().length == 0 ? 0 : java.util.Arrays.stream(theirs.toDoubleArray()).sum() / n;
                assertTrue(Math.abs(mean - p) < 5 * sigma / n, "libtorch's MKL bernoulli_ mean " + mean);
            } else {
                Oracle.assertExact(theirs, ours, "bernoulli_(0.3) against libtorch's default kernel");
            }
        }
    }

    private static boolean intelCpu() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return Files.exists(cpuinfo) && Files.readString(cpuinfo).contains("GenuineIntel");
    }
}
