package dev.jtorch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.NDArray;
import java.util.List;
import java.util.OptionalDouble;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A tiny workload runs on both frameworks, through the real measurement loop (timings are not checked). */
class LibtorchSideTest {
    private static void requireLibtorch() {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("jtorch.libtorch.available", "false")),
                "libtorch 2.10 natives are bundled here only for linux-x86_64 (this is " + System.getProperty("os.name")
                        + "/" + System.getProperty("os.arch") + "); libtorch benchmark test skipped");
        Libtorch.load();
    }

    @Test
    void bothSidesComputeTheSmallAdd() {
        requireLibtorch();
        Workload w = Workloads.byName("add 3x3 (small-op overhead)");
        List<float[]> in = w.inputs();
        float[] expected = new float[9];
        for (int i = 0; i < 9; i++) {
            expected[i] = in.get(0)[i] + in.get(1)[i];
        }
        try (PointerScope s = new PointerScope()) {
            NDArray j = (NDArray) w.jtorch(in).run();
            Tensor l = (Tensor) w.libtorch(in).run();
            assertArrayEquals(new int[] {3, 3}, j.sizes());
            assertArrayEquals(expected, j.toFloatArray()); // float addition is exact to compare
            assertArrayEquals(expected, Libtorch.toFloatArray(l));
        }
    }

    @Test
    void measuresBothSidesAtEachThreadCount() {
        requireLibtorch();
        Measurement.Settings tiny = new Measurement.Settings(3, 1, 0, new int[] {1, 2});
        WorkloadResult r = Measurement.measure(Workloads.byName("relu 1K float32"), tiny);
        assertEquals("relu 1K float32", r.name);
        assertEquals(3, r.jtorch.length);
        assertEquals(List.of(1, 2), List.copyOf(r.libtorch.keySet()));
        for (double[] samples : List.of(r.jtorch, r.libtorch.get(1), r.libtorch.get(2))) {
            assertEquals(3, samples.length);
            for (double v : samples) {
                assertTrue(v > 0 && Double.isFinite(v), "time per op " + v);
            }
        }
        assertEquals(OptionalDouble.of(3.0), r.target);
    }

    @Test
    void crosscheckCatchesSidesThatComputeDifferentThings() {
        requireLibtorch();
        Workload wrong = Workload.named("add vs mul").input(4).input(4).work(Work.calls())
                .jtorch(in -> () -> in.get(0).add(in.get(1)))
                .libtorch(in -> () -> torch.mul(in.get(0), in.get(1)))
                .build();
        Measurement.Settings tiny = new Measurement.Settings(1, 1, 0, new int[] {1});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Measurement.measure(wrong, tiny));
        assertTrue(e.getMessage().startsWith("add vs mul: the two sides disagree at element 0"), e.getMessage());
    }

    @Test
    void reportsTheBindingsVersion() {
        requireLibtorch();
        assertTrue(Libtorch.version().startsWith("2.10.0 (org.bytedeco:pytorch 2.10.0-1.5.13)"), Libtorch.version());
    }
}
