package dev.jtorch.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.optim.Adam;
import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import dev.jtorch.optim.SGD;
import dev.jtorch.tensor.NDArray;
import java.util.List;
import java.util.function.Function;

/** Test helpers: optimizers with one or two groups, and learning-rate sequences compared with formulas. */
final class Schedules {
    static final double[] BASE = {0.1, 0.05};

    private Schedules() {}

    static Tensor param() {
        return new Tensor(NDArray.wrap(new float[] {1f, 2f}, 2)).requiresGrad_(true);
    }

    /** SGD(momentum=0.9) with groups of lr 0.1 and 0.05. */
    static Optimizer sgd() {
        return new SGD(List.of(ParamGroup.of(param()).set("lr", BASE[0]), ParamGroup.of(param()).set("lr", BASE[1])),
                SGD.options().momentum(0.9));
    }

    /** Adam with groups of lr 0.1 and 0.05 (for beta1 cycling). */
    static Optimizer adam() {
        return new Adam(List.of(ParamGroup.of(param()).set("lr", BASE[0]), ParamGroup.of(param()).set("lr", BASE[1])),
                Adam.options());
    }

    /** A formula for group {@code g} at epoch {@code e}. */
    interface Formula {
        double at(int g, int e);
    }

    /** |actual - expected| <= rtol |expected| + atol. */
    static void close(double expected, double actual, double rtol, String what) {
        double atol = 1e-15;
        assertTrue(Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol,
                what + ": expected " + expected + " but was " + actual + " (diff " + (actual - expected) + ")");
    }

    /**
     * The learning rates after construction (epoch 0) and after each of {@code steps - 1} further
     * steps, per group, against {@code expected}; {@code getLastLr()} must equal the groups' lr.
     */
    static void sequence(String what, Optimizer opt, Function<Optimizer, LRScheduler> make, Formula expected, int steps,
            double rtol) {
        LRScheduler s = make.apply(opt);
        for (int e = 0; e < steps; e++) {
            if (e > 0) {
                s.step();
            }
            for (int g = 0; g < opt.paramGroups().size(); g++) {
                double lr = opt.paramGroups().get(g).lr();
                close(expected.at(g, e), lr, rtol, what + " group " + g + " epoch " + e);
                assertEquals(lr, s.getLastLr().get(g), 0.0, what + " get_last_lr");
            }
        }
    }
}
