package dev.jtorch.optim.lr;

import static dev.jtorch.optim.lr.Schedules.BASE;
import static dev.jtorch.optim.lr.Schedules.sequence;
import static dev.jtorch.optim.lr.Schedules.sgd;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learning-rate sequences of the epoch schedulers, stepped by their chainable (recursive) forms,
 * against the closed forms of PyTorch's documentation written out here, 100 epochs each and
 * several option sets. Recursive and closed forms round differently, so the tolerance is
 * relative 1e-12 (1e-10 for the cosine recursion, whose ratios amplify rounding near its minimum).
 */
class ClosedFormSchedulesTest {
    private static final int N = 100;

    @Test
    void stepLR() {
        for (int step : new int[] {1, 3, 30}) {
            for (double gamma : new double[] {0.1, 0.5, 0.97}) {
                sequence("StepLR " + step + " " + gamma, sgd(), o -> new StepLR(o, step, gamma),
                        (g, e) -> BASE[g] * Math.pow(gamma, Math.floor((double) e / step)), N, 1e-12);
            }
        }
    }

    @Test
    void multiStepLR() {
        List<List<Integer>> cases = List.of(List.of(30, 80), List.of(5, 5, 20), List.of(1, 2, 3, 99), List.of(150));
        for (List<Integer> ms : cases) {
            sequence("MultiStepLR " + ms, sgd(), o -> new MultiStepLR(o, ms, 0.5), (g, e) -> {
                int passed = 0;
                for (int m : ms) {
                    passed += m <= e ? 1 : 0;
                }
                return BASE[g] * Math.pow(0.5, passed);
            }, N, 1e-12);
        }
    }

    @Test
    void constantLR() {
        for (double factor : new double[] {1.0 / 3, 0.5, 0.0001}) {
            for (int total : new int[] {1, 5, 40}) {
                sequence("ConstantLR " + factor + " " + total, sgd(), o -> new ConstantLR(o, factor, total),
                        (g, e) -> e < total ? BASE[g] * factor : BASE[g], N, 1e-12);
            }
        }
    }

    @Test
    void linearLR() {
        double[][] cases = {{1.0 / 3, 1.0, 5}, {0.05, 1.0, 40}, {1.0, 0.1, 30}, {0.5, 0.25, 10}};
        for (double[] c : cases) {
            int total = (int) c[2];
            sequence("LinearLR " + c[0] + " " + c[1] + " " + total, sgd(), o -> new LinearLR(o, c[0], c[1], total),
                    (g, e) -> BASE[g] * (c[0] + (c[1] - c[0]) * Math.min(e, total) / total), N, 1e-12);
        }
    }

    @Test
    void exponentialLR() {
        for (double gamma : new double[] {0.9, 0.99, 1.01}) {
            sequence("ExponentialLR " + gamma, sgd(), o -> new ExponentialLR(o, gamma),
                    (g, e) -> BASE[g] * Math.pow(gamma, e), N, 1e-12);
        }
    }

    @Test
    void polynomialLR() {
        for (int total : new int[] {5, 50, 120}) {
            for (double power : new double[] {1.0, 0.9, 2.0}) {
                sequence("PolynomialLR " + total + " " + power, sgd(), o -> new PolynomialLR(o, total, power),
                        (g, e) -> BASE[g] * Math.pow(1 - (double) Math.min(e, total) / total, power), N, 1e-10);
            }
        }
    }

    @Test
    void cosineAnnealingLR() {
        for (int tMax : new int[] {10, 33, 100}) {
            for (double etaMin : new double[] {0.0, 0.001}) {
                sequence("CosineAnnealingLR " + tMax + " " + etaMin, sgd(), o -> new CosineAnnealingLR(o, tMax, etaMin),
                        (g, e) -> etaMin + (BASE[g] - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2, N, 1e-10);
            }
        }
    }

    @Test
    void lambdaAndMultiplicativeLR() {
        sequence("LambdaLR", sgd(), o -> new LambdaLR(o, e -> 1.0 / (1 + e)), (g, e) -> BASE[g] / (1 + e), N, 1e-15);
        sequence("LambdaLR per group", sgd(), o -> new LambdaLR(o, List.of(e -> Math.floor(e / 30.0), e -> Math.pow(0.95, e)), -1),
                (g, e) -> g == 0 ? BASE[0] * Math.floor(e / 30.0) : BASE[1] * Math.pow(0.95, e), N, 1e-15);
        sequence("MultiplicativeLR", sgd(), o -> new MultiplicativeLR(o, e -> 0.95), (g, e) -> BASE[g] * Math.pow(0.95, e), N,
                1e-12);
        sequence("MultiplicativeLR by epoch", sgd(), o -> new MultiplicativeLR(o, e -> 1 - 0.001 * e), (g, e) -> {
            double lr = BASE[g];
            for (int k = 1; k <= e; k++) {
                lr *= 1 - 0.001 * k;
            }
            return lr;
        }, N, 1e-12);
    }

    @Test
    void sequentialAndChained() {
        // the documentation's examples: ConstantLR(factor=0.1, total_iters=20) then/with ExponentialLR(gamma=0.9)
        sequence("SequentialLR", sgd(), o -> new SequentialLR(o, List.of(new ConstantLR(o, 0.1, 20), new ExponentialLR(o, 0.9)),
                List.of(20)), (g, e) -> e < 20 ? BASE[g] * 0.1 : BASE[g] * Math.pow(0.9, e - 20), N, 1e-12);
        sequence("SequentialLR 3", sgd(), o -> new SequentialLR(o, List.of(new LinearLR(o, 0.5, 1.0, 10), new StepLR(o, 5, 0.5),
                new ExponentialLR(o, 0.98)), List.of(10, 40)), (g, e) -> {
                    if (e < 10) {
                        return BASE[g] * (0.5 + 0.5 * e / 10);
                    }
                    if (e < 40) {
                        return BASE[g] * Math.pow(0.5, Math.floor((e - 10) / 5.0));
                    }
                    return BASE[g] * Math.pow(0.98, e - 40);
                }, N, 1e-12);
        sequence("ChainedScheduler", sgd(), o -> new ChainedScheduler(List.of(new ConstantLR(o, 0.1, 20),
                new ExponentialLR(o, 0.9))), (g, e) -> BASE[g] * Math.pow(0.9, e) * (e < 20 ? 0.1 : 1.0), N, 1e-12);
    }
}
