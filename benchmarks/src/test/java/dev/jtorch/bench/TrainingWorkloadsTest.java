package dev.jtorch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.NDArray;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The training-step workloads compute the same training run on both sides: from the same weights,
 * several iterations (forward, zero_grad, backward, SGD step) give the same losses, so the model,
 * the loss, the gradients and the momentum update all agree, not only the first forward pass that
 * the runner's pre-timing check sees.
 */
class TrainingWorkloadsTest {
    @Test
    void registryHasIssue7sTrainingStepsAndTargets() {
        assertEquals(10.0, Workloads.byName("Model0 SGD iteration (seed 3-3-2-3)").target().getAsDouble());
        assertEquals(1.0, Workloads.byName("MLP 784-256-128-10 SGD step, batch 128").target().getAsDouble());
        assertTrue(Workloads.byName("CNN (FashionMnistCnn) SGD step, batch 64").target().isEmpty());
    }

    @Test
    void cnnLossesAgreeOverSeveralIterations() {
        // labels rotate every step, so the loss need not fall over 5 steps; the two sides must agree on each
        sameLosses("CNN (FashionMnistCnn) SGD step, batch 64", 5, 1e-4, false);
    }

    @Test
    void model0LossesAgreeOverSeveralIterations() {
        sameLosses("Model0 SGD iteration (seed 3-3-2-3)", 20, 1e-5, true);
    }

    @Test
    void mlpLossesAgreeOverSeveralIterations() {
        sameLosses("MLP 784-256-128-10 SGD step, batch 128", 5, 1e-4, true);
    }

    private static void sameLosses(String name, int iterations, double rtol, boolean lossFalls) {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("jtorch.libtorch.available", "false")),
                "libtorch 2.10 natives are bundled here only for linux-x86_64; training benchmark test skipped");
        Libtorch.load();
        Workload w = Workloads.byName(name);
        List<float[]> in = w.inputs();
        Op jt = w.jtorch(in);
        try (PointerScope s = new PointerScope()) {
            Op lt = w.libtorch(in);
            float first = Float.NaN;
            float last = Float.NaN;
            for (int i = 0; i < iterations; i++) {
                float j = ((NDArray) jt.run()).toFloatArray()[0];
                float l = Libtorch.toFloatArray((Tensor) lt.run())[0];
                assertTrue(Math.abs(j - l) <= rtol * Math.abs(l) + 1e-6,
                        name + ", iteration " + i + ": jtorch loss " + j + ", libtorch " + l);
                first = i == 0 ? j : first;
                last = j;
            }
            assertTrue(!lossFalls || last < first, name + ": training lowers the loss (" + first + " -> " + last + ")");
        }
    }
}
