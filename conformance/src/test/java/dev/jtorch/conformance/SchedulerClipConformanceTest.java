package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.nn.utils.ClipGrad;
import dev.jtorch.optim.SGD;
import dev.jtorch.optim.lr.ReduceLROnPlateau;
import dev.jtorch.optim.lr.StepLR;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ReduceLROnPlateauScheduler;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * StepLR and ReduceLROnPlateau against libtorch's C++ schedulers ({@code torch::optim::StepLR},
 * {@code ReduceLROnPlateauScheduler}), and {@code clip_grad_norm_} / {@code clip_grad_value_}
 * against libtorch's {@code torch::nn::utils} and against Python's formula written with libtorch ops.
 */
class SchedulerClipConformanceTest {
    @BeforeAll
    static void oracle() {
        Oracle.require();
    }

    private static dev.jtorch.Tensor param() {
        return new dev.jtorch.Tensor(NDArray.zeros(3)).requiresGrad_(true);
    }

    private static org.bytedeco.pytorch.SGD cppSgd(double lr) {
        Tensor p = torch.zeros(3);
        p.set_requires_grad(true);
        return new org.bytedeco.pytorch.SGD(new TensorVector(p), new SGDOptions(lr));
    }

    /**
     * C++'s StepLR has no initial step in its constructor and evaluates {@code get_lrs} before
     * advancing its counter, so its (m+1)-th {@code step()} gives PyTorch's learning rate at epoch m.
     * Bit-exact: both compute {@code lr * gamma} in double.
     */
    @Test
    void stepLRMatchesCpp() {
        int[][] cases = {{1, 0}, {3, 1}, {10, 2}, {7, 3}};
        double[] gammas = {0.1, 0.5, 0.9, 0.37};
        for (int[] c : cases) {
            double gamma = gammas[c[1]];
            SGD opt = new SGD(List.of(param()), SGD.options().lr(0.3));
            StepLR mine = new StepLR(opt, c[0], gamma);
            try (PointerScope scope = new PointerScope()) {
                org.bytedeco.pytorch.SGD cppOpt = cppSgd(0.3);
                org.bytedeco.pytorch.StepLR theirs = new org.bytedeco.pytorch.StepLR(cppOpt, c[0], gamma);
                theirs.step();
                for (int e = 0; e < 100; e++) {
                    if (e > 0) {
                        mine.step();
                        theirs.step();
                    }
                    double expected = cppOpt.param_groups().get(0).options().get_lr();
                    assertEquals(expected, opt.paramGroups().get(0).lr(), 0.0, "StepLR(" + c[0] + ", " + gamma + ") epoch " + e);
                }
            }
        }
    }

    /**
     * ReduceLROnPlateau over 100 noisy metrics (float values, as C++ takes float metrics and keeps
     * {@code best} as a float) for a grid of modes and options; factors and min_lr are exactly
     * representable in float (C++ stores them as float). Bit-exact. Not compared: {@code max} mode
     * with {@code abs} threshold, where libtorch's C++ {@code is_better} computes {@code a > best * threshold}
     * (Python: {@code best + threshold}), and negative metrics in {@code max} mode, where C++ starts
     * {@code best} at {@code FLT_MIN} (Python: {@code -inf}); both are C++ deviations from PyTorch,
     * whose Python behaviour {@code PlateauAndStateTest} checks.
     */
    @Test
    void reduceLROnPlateauMatchesCpp() {
        Object[][] grid = { // mode, threshold mode, factor, patience, threshold, cooldown, min_lr, eps
            {"min", "rel", 0.5, 3, 1e-4, 0, 0.0, 1e-8}, {"min", "abs", 0.25, 0, 0.05, 2, 0.0, 1e-8},
            {"max", "rel", 0.5, 2, 1e-3, 1, 0.0078125, 1e-8}, {"min", "abs", 0.75, 5, 0.01, 0, 0.0, 1e-3},
            {"min", "rel", 0.5, 10, 1e-4, 0, 0.0, 1e-8}};
        long seed = 11;
        for (Object[] c : grid) {
            String mode = (String) c[0];
            String tmode = (String) c[1];
            double factor = (Double) c[2];
            int patience = (Integer) c[3];
            double threshold = (Double) c[4];
            int cooldown = (Integer) c[5];
            double minLr = (Double) c[6];
            double eps = (Double) c[7];
            SGD opt = new SGD(List.of(param()), SGD.options().lr(0.3));
            ReduceLROnPlateau mine = new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().mode(mode).thresholdMode(tmode)
                    .factor(factor).patience(patience).threshold(threshold).cooldown(cooldown).minLr(minLr).eps(eps));
            Random r = new Random(seed++);
            try (PointerScope scope = new PointerScope()) {
                org.bytedeco.pytorch.SGD cppOpt = cppSgd(0.3);
                ReduceLROnPlateauScheduler theirs = new ReduceLROnPlateauScheduler(cppOpt,
                        "min".equals(mode) ? ReduceLROnPlateauScheduler.SchedulerMode.min : ReduceLROnPlateauScheduler.SchedulerMode.max,
                        (float) factor, patience, threshold,
                        "rel".equals(tmode) ? ReduceLROnPlateauScheduler.ThresholdMode.rel : ReduceLROnPlateauScheduler.ThresholdMode.abs,
                        cooldown, new float[] {(float) minLr}, eps, false);
                double level = 10;
                for (int e = 0; e < 100; e++) {
                    level += ("min".equals(mode) ? -1 : 1) * (e < 30 ? 0.2 : 0.001);
                    float metric = (float) (level + r.nextGaussian() * 0.05);
                    mine.step((double) metric);
                    theirs.step(metric);
                    double expected = cppOpt.param_groups().get(0).options().get_lr();
                    assertEquals(expected, opt.paramGroups().get(0).lr(), 0.0, mode + "/" + tmode + " factor " + factor + " step " + e);
                }
            }
        }
    }

    private static List<NDArray> grads(Random r, int[][] shapes, double scale) {
        List<NDArray> out = new ArrayList<>();
        for (int[] s : shapes) {
            int n = 1;
            for (int d : s) {
                n *= d;
            }
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (r.nextGaussian() * scale);
            }
            out.add(NDArray.wrap(v, s));
        }
        return out;
    }

    /**
     * clip_grad_norm_ for norm types 2, 1, 3, inf and several max_norms (clipping and not), sizes
     * around the vector width and an empty gradient. Against (1) Python's formula with libtorch ops
     * ({@code vector_norm} per gradient, norm of the stack): total norm within rtol 1e-5 (the reductions
     * sum in a different order; seen: 6 ulps for a 1-norm over 272 elements), and the clipping {@code g * clamp((total + 1e-6).reciprocal() * max_norm, max=1)}
     * computed by libtorch from jtorch's total: exact; (2) libtorch's C++ {@code clip_grad_norm_}, whose
     * coefficient is a true division {@code max_norm / (total + 1e-6)} and whose total may differ by
     * the reductions' rounding: rtol 1e-5.
     */
    @Test
    void clipGradNormMatchesLibtorch() {
        int[][] shapes = {{7}, {3, 5}, {33}, {0}, {16, 17}};
        double[] normTypes = {2.0, 1.0, 3.0, Double.POSITIVE_INFINITY};
        double[] maxNorms = {0.5, 1.0, 1e4};
        Random r = new Random(5);
        for (double p : normTypes) {
            for (double maxNorm : maxNorms) {
                // an empty gradient has no inf norm (PyTorch raises too: vector_norm has no identity for max)
                List<NDArray> g = grads(r, Double.isInfinite(p) ? new int[][] {{7}, {3, 5}, {33}, {16, 17}} : shapes, 0.7);
                String what = "clip_grad_norm_(max_norm=" + maxNorm + ", norm_type=" + p + ")";
                List<dev.jtorch.Tensor> mine = new ArrayList<>();
                for (NDArray a : g) {
                    dev.jtorch.Tensor t = new dev.jtorch.Tensor(NDArray.zerosLike(a)).requiresGrad_(true);
                    t.setGrad(new dev.jtorch.Tensor(a.clone()));
                    mine.add(t);
                }
                double total = ClipGrad.clipGradNorm_(mine, maxNorm, p).item();
                try (PointerScope scope = new PointerScope()) {
                    // (1) Python's formula with libtorch ops
                    TensorVector norms = new TensorVector();
                    List<Tensor> pyGrads = new ArrayList<>();
                    for (NDArray a : g) {
                        Tensor t = Oracle.toTorch(a).clone();
                        pyGrads.add(t);
                        norms.push_back(t.norm(new Scalar(p)));
                    }
                    Tensor pyTotal = torch.stack(norms, 0).norm(new Scalar(p));
                    Oracle.assertClose(Oracle.fromTorch(pyTotal), NDArray.scalar((float) total), 1e-5, 0, what + " total norm");
                    // the clipping itself, exactly, from jtorch's total norm
                    Tensor coef = Oracle.toTorch(NDArray.scalar((float) total)).add(new Scalar(1e-6)).reciprocal()
                            .mul(new Scalar(maxNorm)).clamp(new ScalarOptional(), new ScalarOptional(new Scalar(1.0)));
                    // (2) C++ clip_grad_norm_
                    TensorVector cppParams = new TensorVector();
                    for (NDArray a : g) {
                        Tensor t = torch.zeros_like(Oracle.toTorch(a));
                        t.set_requires_grad(true);
                        t.mutable_grad().put(Oracle.toTorch(a).clone());
                        cppParams.push_back(t);
                    }
                    double cppTotal = torch.clip_grad_norm_(cppParams, maxNorm, p, false);
                    Oracle.assertClose(NDArray.scalar((float) cppTotal), NDArray.scalar((float) total), 1e-5, 0, what + " C++ total norm");
                    for (int i = 0; i < g.size(); i++) {
                        NDArray expected = Oracle.fromTorch(pyGrads.get(i).mul(coef));
                        Oracle.assertExact(expected, mine.get(i).grad().array(), what + " grad " + i + " vs Python's formula");
                        Oracle.assertClose(Oracle.fromTorch(cppParams.get(i).grad()), mine.get(i).grad().array(), 1e-5, 0,
                                what + " grad " + i + " vs C++");
                    }
                }
            }
        }
    }

    @Test
    void clipGradValueMatchesCpp() {
        Random r = new Random(9);
        int[][] shapes = {{7}, {3, 5}, {33}};
        for (double clip : new double[] {0.1, 0.5, 2.0}) {
            List<NDArray> g = grads(r, shapes, 1.0);
            List<dev.jtorch.Tensor> mine = new ArrayList<>();
            for (NDArray a : g) {
                dev.jtorch.Tensor t = new dev.jtorch.Tensor(NDArray.zerosLike(a)).requiresGrad_(true);
                t.setGrad(new dev.jtorch.Tensor(a.clone()));
                mine.add(t);
            }
            ClipGrad.clipGradValue_(mine, clip);
            try (PointerScope scope = new PointerScope()) {
                TensorVector cppParams = new TensorVector();
                for (NDArray a : g) {
                    Tensor t = torch.zeros_like(Oracle.toTorch(a));
                    t.set_requires_grad(true);
                    t.mutable_grad().put(Oracle.toTorch(a).clone());
                    cppParams.push_back(t);
                }
                torch.clip_grad_value_(cppParams, clip);
                for (int i = 0; i < g.size(); i++) {
                    Oracle.assertExact(Oracle.fromTorch(cppParams.get(i).grad()), mine.get(i).grad().array(),
                            "clip_grad_value_(" + clip + ") grad " + i);
                }
            }
        }
    }
}
