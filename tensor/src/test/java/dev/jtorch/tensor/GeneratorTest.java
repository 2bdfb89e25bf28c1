package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    @Test
    void isTheStandardMt19937() {
        Generator g = new Generator(5489); // std::mt19937's default seed
        assertEquals(3499211612L, g.random());
        for (int i = 2; i < 10000; i++) {
            g.random();
        }
        assertEquals(4123659995L, g.random(), "the 10000th output, required by the C++ standard");
    }

    @Test
    void defaultSeedIsPyTorchs() {
        assertEquals(67280421310721L, new Generator().initialSeed());
        assertEquals(new Generator(67280421310721L).random(), new Generator().random());
    }

    @Property(tries = 100)
    void onlyTheLow32BitsSeedTheEngine(@ForAll long seed) {
        Generator full = new Generator(seed);
        Generator low = new Generator(seed & 0xFFFFFFFFL);
        assertEquals(seed, full.initialSeed());
        for (int i = 0; i < 5; i++) {
            assertEquals(low.random(), full.random());
        }
    }

    @Property(tries = 100)
    void random64IsTwoDrawsFirstInTheHighWord(@ForAll long seed) {
        Generator a = new Generator(seed);
        Generator b = new Generator(seed);
        long hi = b.random();
        long lo = b.random();
        assertEquals(hi << 32 | lo, a.random64());
        long r = a.random();
        assertEquals(r, b.random());
        assertEquals(0, r >>> 32, "random() is an unsigned 32-bit value");
    }

    @Test
    void stateRoundTripsEverything() {
        Generator g = new Generator(-3);
        NDArray.randn(g, DType.FLOAT64, 1); // leaves r*sin(theta) cached
        NDArray.rand(g, DType.FLOAT32, 700); // regenerates the 624 words once
        byte[] state = g.getState();
        assertEquals(Generator.STATE_SIZE, state.length);
        ByteBuffer b = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-3L, b.getLong(0), "the_initial_seed");
        assertEquals(1, b.getInt(12), "seeded");
        assertEquals(1, b.getInt(24 + 8 * 624 + 24), "normal_is_valid");

        NDArray expected = NDArray.randn(g, DType.FLOAT64, 5);
        long expectedNext = g.random64();
        Generator h = new Generator(99).setState(state);
        assertEquals(-3L, h.initialSeed());
        assertArrayEquals(expected.toDoubleArray(), NDArray.randn(h, DType.FLOAT64, 5).toDoubleArray());
        assertEquals(expectedNext, h.random64());
        assertArrayEquals(g.getState(), h.getState());
        assertArrayEquals(state, new Generator().setState(state).getState(), "getState(setState(s)) == s");
    }

    @Test
    void invalidStatesAreRejectedAndChangeNothing() {
        Generator g = new Generator(8);
        byte[] before = g.getState();
        assertEquals("Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 12",
                assertThrows(IllegalArgumentException.class, () -> g.setState(new byte[12])).getMessage());
        byte[] bad = g.getState();
        bad[8] = 0; // left = 0
        assertEquals("Invalid mt19937 state", assertThrows(IllegalArgumentException.class, () -> g.setState(bad)).getMessage());
        byte[] unseeded = g.getState();
        unseeded[12] = 0;
        assertEquals("Invalid mt19937 state", assertThrows(IllegalArgumentException.class, () -> g.setState(unseeded)).getMessage());
        assertArrayEquals(before, g.getState());
    }

    @Test
    void manualSeedRestartsTheStreamAndClearsTheCachedNormal() {
        Generator g = new Generator(4);
        double[] first = NDArray.randn(g, DType.FLOAT64, 3).toDoubleArray();
        g.manualSeed(4); // the cached 4th sample must not survive
        assertArrayEquals(first, NDArray.randn(g, DType.FLOAT64, 3).toDoubleArray());
    }

    @Test
    void seedIsNonDeterministicAndReseeds() {
        Generator g = new Generator(1);
        NDArray.randn(g, DType.FLOAT64, 1);
        long s = g.seed();
        assertEquals(s, g.initialSeed());
        assertArrayEquals(NDArray.randn(new Generator(s), DType.FLOAT64, 3).toDoubleArray(),
                NDArray.randn(g, DType.FLOAT64, 3).toDoubleArray(), "no cached sample after seed()");
        assertNotEquals(g.seed(), g.seed(), "two 64-bit draws from the OS (equal with probability 2^-64)");
    }

    @Test
    void globalGenerator() {
        assertSame(Generator.defaultGenerator(), Generator.manualSeedGlobal(12));
        assertEquals(12, Generator.defaultGenerator().initialSeed());
        float[] a = NDArray.rand(4).toFloatArray();
        assertArrayEquals(NDArray.rand(new Generator(12), DType.FLOAT32, 4).toFloatArray(), a);
    }

    /** Concurrent draws are serialized: together they are exactly the first outputs of the stream. */
    @Test
    void drawsFromManyThreadsNeitherRepeatNorSkip() throws InterruptedException {
        Generator g = new Generator(77);
        int threads = 4;
        int each = 20_000;
        long[][] got = new long[threads][];
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                long[] v = new long[each];
                for (int i = 0; i < each; i += 100) {
                    float[] r = NDArray.rand(g, DType.FLOAT32, 100).toFloatArray(); // 100 draws under one lock
                    for (int k = 0; k < 100; k++) {
                        v[i + k] = (long) (r[k] * 16777216f);
                    }
                }
                got[id] = v;
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        long[] all = Arrays.stream(got).flatMapToLong(Arrays::stream).sorted().toArray();
        Generator ref = new Generator(77);
        long[] expected = new long[threads * each];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = ref.random() & 0xFFFFFF;
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, all);
    }
}
