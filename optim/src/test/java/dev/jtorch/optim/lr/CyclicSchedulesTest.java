package dev.jtorch.optim.lr;

import static dev.jtorch.optim.lr.Schedules.BASE;
import static dev.jtorch.optim.lr.Schedules.adam;
import static dev.jtorch.optim.lr.Schedules.close;
import static dev.jtorch.optim.lr.Schedules.sequence;
import static dev.jtorch.optim.lr.Schedules.sgd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.optim.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * CyclicLR, OneCycleLR and CosineAnnealingWarmRestarts against the formulas of their papers and of
 * PyTorch's documentation, written out independently: the CLR paper's triangle
 * {@code max(0, 1 - |e/step - 2 cycle + 1|)}, 1cycle's cosine/linear annealing per phase, SGDR's
 * {@code T_cur}/{@code T_i}. Momentum (and Adam's beta1) cycling is checked too.
 */
class CyclicSchedulesTest {
    private static final int N = 100;

    /** The CLR paper's triangle for symmetric cycles, scaled. */
    private static double triangle(int e, int step) {
        double cycle = Math.floor(1 + e / (2.0 * step));
        double x = Math.abs((double) e / step - 2 * cycle + 1);
        return Math.max(0, 1 - x);
    }

    @Test
    void cyclicTriangularModes() {
        double maxLr = 1.0;
        for (int step : new int[] {4, 7, 25}) {
            sequence("triangular " + step, sgd(), o -> new CyclicLR(o, CyclicLR.options(0.01, maxLr).stepSizeUp(step)),
                    (g, e) -> 0.01 + (maxLr - 0.01) * triangle(e, step), N, 1e-12);
            sequence("triangular2 " + step, sgd(), o -> new CyclicLR(o, CyclicLR.options(0.01, maxLr).stepSizeUp(step)
                    .mode("triangular2")), (g, e) -> {
                        double cycle = Math.floor(1 + e / (2.0 * step));
                        return 0.01 + (maxLr - 0.01) * triangle(e, step) / Math.pow(2, cycle - 1);
                    }, N, 1e-12);
            sequence("exp_range " + step, sgd(), o -> new CyclicLR(o, CyclicLR.options(0.01, maxLr).stepSizeUp(step)
                    .mode("exp_range").gamma(0.99)), (g, e) -> 0.01 + (maxLr - 0.01) * triangle(e, step) * Math.pow(0.99, e), N,
                    1e-12);
        }
    }

    @Test
    void cyclicAsymmetricPerGroupAndCustomScale() {
        int up = 3;
        int down = 7;
        sequence("asymmetric", sgd(), o -> new CyclicLR(o, CyclicLR.options(new double[] {0.01, 0.02}, new double[] {0.1, 0.5})
                .stepSizeUp(up).stepSizeDown(down)), (g, e) -> {
                    double lo = g == 0 ? 0.01 : 0.02;
                    double hi = g == 0 ? 0.1 : 0.5;
                    int p = e % (up + down);
                    double frac = p <= up ? (double) p / up : 1 - (double) (p - up) / down;
                    return lo + (hi - lo) * frac;
                }, N, 1e-12);
        sequence("custom scale_fn by iterations", sgd(), o -> new CyclicLR(o, CyclicLR.options(0.01, 0.1).stepSizeUp(5)
                .scaleFn(x -> 1 / (1 + 0.01 * x)).scaleMode("iterations")),
                (g, e) -> 0.01 + 0.09 * triangle(e, 5) / (1 + 0.01 * e), N, 1e-12);
    }

    @Test
    void cyclicMomentumAndBeta1() {
        for (boolean useAdam : new boolean[] {false, true}) {
            Optimizer opt = useAdam ? adam() : sgd();
            CyclicLR s = new CyclicLR(opt, CyclicLR.options(0.01, 0.1).stepSizeUp(4).baseMomentum(0.8).maxMomentum(0.9));
            for (int e = 0; e < 30; e++) {
                if (e > 0) {
                    s.step();
                }
                double expected = 0.9 - 0.1 * triangle(e, 4);
                double m = useAdam ? opt.paramGroups().get(0).getDoubles("betas")[0] : opt.paramGroups().get(0).getDouble("momentum");
                close(expected, m, 1e-12, (useAdam ? "beta1" : "momentum") + " epoch " + e);
                if (useAdam) {
                    assertEquals(0.999, opt.paramGroups().get(0).getDoubles("betas")[1], 0.0);
                }
            }
            assertEquals(0.9, opt.paramGroups().get(1).getDouble("max_momentum"), 0.0);
            assertEquals(0.8, opt.paramGroups().get(1).getDouble("base_momentum"), 0.0);
        }
    }

    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }

    @Test
    void oneCycleTwoAndThreePhases() {
        int total = N;
        for (double pct : new double[] {0.3, 0.25}) {
            double end1 = pct * total - 1;
            sequence("OneCycleLR cos " + pct, sgd(), o -> new OneCycleLR(o, OneCycleLR.options(1.0, 2.0).totalSteps(total).pctStart(pct)),
                    (g, e) -> {
                        double max = g == 0 ? 1.0 : 2.0;
                        double initial = max / 25;
                        double min = initial / 1e4;
                        return e <= end1 ? cos(initial, max, e / end1) : cos(max, min, (e - end1) / (total - 1 - end1));
                    }, total, 1e-12);
            sequence("OneCycleLR linear " + pct, sgd(), o -> new OneCycleLR(o, OneCycleLR.options(1.0).epochs(10).stepsPerEpoch(10)
                    .pctStart(pct).annealStrategy("linear").divFactor(10).finalDivFactor(100)), (g, e) -> {
                        double initial = 0.1;
                        double min = 0.001;
                        return e <= end1 ? initial + (1.0 - initial) * e / end1 : 1.0 + (min - 1.0) * (e - end1) / (total - 1 - end1);
                    }, total, 1e-12);
            double end2 = 2 * pct * total - 2;
            sequence("OneCycleLR three_phase " + pct, sgd(), o -> new OneCycleLR(o, OneCycleLR.options(1.0).totalSteps(total)
                    .pctStart(pct).threePhase(true)), (g, e) -> {
                        double initial = 1.0 / 25;
                        if (e <= end1) {
                            return cos(initial, 1.0, e / end1);
                        }
                        if (e <= end2) {
                            return cos(1.0, initial, (e - end1) / (end2 - end1));
                        }
                        return cos(initial, initial / 1e4, (e - end2) / (total - 1 - end2));
                    }, total, 1e-12);
        }
    }

    @Test
    void oneCycleMomentum() {
        Optimizer opt = adam();
        OneCycleLR s = new OneCycleLR(opt, OneCycleLR.options(1.0).totalSteps(50));
        double end1 = 0.3 * 50 - 1;
        for (int e = 0; e < 50; e++) {
            if (e > 0) {
                s.step();
            }
            double expected = e <= end1 ? cos(0.95, 0.85, e / end1) : cos(0.85, 0.95, (e - end1) / (49 - end1));
            close(expected, opt.paramGroups().get(0).getDoubles("betas")[0], 1e-12, "beta1 epoch " + e);
        }
    }

    /** SGDR: T_cur and T_i by walking the restarts. */
    private static double sgdr(double base, double etaMin, int t0, int mult, double epoch) {
        double tI = t0;
        double tCur = epoch;
        while (tCur >= tI) {
            tCur -= tI;
            tI *= mult;
        }
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }

    @Test
    void warmRestarts() {
        for (int t0 : new int[] {1, 10, 17}) {
            for (int mult : new int[] {1, 2, 3}) {
                sequence("CosineAnnealingWarmRestarts " + t0 + " " + mult, sgd(),
                        o -> new CosineAnnealingWarmRestarts(o, t0, mult, 0.001), (g, e) -> sgdr(BASE[g], 0.001, t0, mult, e), N,
                        1e-12);
            }
        }
    }

    @Test
    void warmRestartsFractionalEpochs() {
        for (int mult : new int[] {1, 2}) {
            Optimizer opt = sgd();
            CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(opt, 10, mult, 0.0);
            int iters = 7;
            for (int epoch = 0; epoch < 40; epoch++) {
                for (int i = 0; i < iters; i++) {
                    double at = epoch + (double) i / iters;
                    s.step(at);
                    close(sgdr(BASE[0], 0.0, 10, mult, at), opt.paramGroups().get(0).lr(), 1e-9, "epoch " + at);
                    assertEquals(epoch, s.lastEpoch());
                }
            }
        }
    }
}
