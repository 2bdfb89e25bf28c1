package dev.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LBFGS: convergence, PyTorch's errors, its state layout, and state dict round trips through a file. */
class LBFGSTest {
    @TempDir
    Path dir;

    /** Rosenbrock in 2-d from (-1.5, 2): minimum 0 at (1, 1). */
    static Tensor rosenbrock(Tensor x) {
        Tensor a = x.narrow(0, 0, 1);
        Tensor b = x.narrow(0, 1, 1);
        return b.sub(a.square()).square().mul(100.0).add(a.neg().add(1.0).square()).sum();
    }

    static Supplier<Tensor> closure(Optimizer opt, Tensor x) {
        return () -> {
            opt.zeroGrad();
            Tensor loss = rosenbrock(x);
            loss.backward();
            return loss;
        };
    }

    static Tensor start() {
        return new Tensor(NDArray.wrap(new float[] {-1.5f, 2f}, 2)).requiresGrad_(true);
    }

    @Test
    void strongWolfeMinimisesRosenbrock() {
        Tensor x = start();
        LBFGS opt = new LBFGS(List.of(x), LBFGS.options().lineSearchFn("strong_wolfe"));
        for (int i = 0; i < 10; i++) {
            opt.step(closure(opt, x));
        }
        assertArrayEquals(new float[] {1f, 1f}, x.toFloatArray(), 1e-3f);
        assertTrue(rosenbrock(x).item() < 1e-6, "loss " + rosenbrock(x).item());
    }

    @Test
    void fixedStepDecreasesTheLoss() {
        Tensor x = start();
        LBFGS opt = new LBFGS(List.of(x), LBFGS.options().lr(0.01).historySize(5));
        double before = rosenbrock(x).item();
        Tensor first = opt.step(closure(opt, x));
        assertEquals(before, first.item(), 0.0, "step returns the closure's first loss");
        for (int i = 0; i < 5; i++) {
            opt.step(closure(opt, x));
        }
        assertTrue(rosenbrock(x).item() < before, rosenbrock(x).item() + " < " + before);
        assertTrue(((List<?>) opt.state(x).get("old_dirs")).size() <= 5, "history_size bounds old_dirs");
    }

    @Test
    void stateLivesUnderTheFirstParameterInPyTorchsOrder() {
        Tensor x = start();
        Tensor unused = new Tensor(NDArray.wrap(new float[] {1f}, 1)).requiresGrad_(true);
        LBFGS opt = new LBFGS(List.of(x, unused), LBFGS.options().maxIter(3).maxEval(10));
        opt.step(closure(opt, x));
        Map<Integer, Map<String, Object>> state = opt.stateDict().state();
        assertEquals(List.of(0), List.copyOf(state.keySet()));
        assertEquals(List.of("func_evals", "n_iter", "al", "d", "t", "old_dirs", "old_stps", "ro", "H_diag", "prev_flat_grad",
                "prev_loss"), List.copyOf(state.get(0).keySet()));
        assertEquals(3, state.get(0).get("n_iter"));
        assertEquals(3, state.get(0).get("func_evals"), "1 initial + 1 per non-final iteration");
        assertInstanceOf(Double.class, state.get(0).get("prev_loss"));
        assertInstanceOf(Double.class, state.get(0).get("t"), "t = lr after the first iteration");
        assertEquals(List.of("lr", "max_iter", "max_eval", "tolerance_grad", "tolerance_change", "history_size",
                "line_search_fn", "params"), List.copyOf(opt.stateDict().paramGroups().get(0).keySet()));
        assertEquals(10, opt.stateDict().paramGroups().get(0).get("max_eval"));
        assertEquals(25, new LBFGS(List.of(start()), LBFGS.options()).paramGroups().get(0).get("max_eval"), "max_iter * 5 // 4");
    }

    @Test
    void firstIterationStepIsAFloat32TensorAsInPyTorch() {
        // t = min(1.0, 1.0 / flat_grad.abs().sum()) * lr is a 0-d tensor when 1/|g|_1 < 1
        Tensor x = start();
        LBFGS opt = new LBFGS(List.of(x), LBFGS.options().maxIter(1));
        opt.step(closure(opt, x));
        Object t = opt.state(x).get("t");
        assertInstanceOf(Tensor.class, t);
        assertEquals(0, ((Tensor) t).dim());
    }

    @Test
    void errorsAreTorchs() {
        Tensor x = start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LBFGS(List.of(ParamGroup.of(x), ParamGroup.of(start())), LBFGS.options()));
        assertEquals("LBFGS doesn't support per-parameter options (parameter groups)", e.getMessage());
        LBFGS opt = new LBFGS(List.of(x), LBFGS.options());
        e = assertThrows(IllegalArgumentException.class, opt::step);
        assertEquals("LBFGS.step() missing 1 required positional argument: 'closure'", e.getMessage());
        LBFGS bad = new LBFGS(List.of(x), LBFGS.options().lineSearchFn("backtracking"));
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> bad.step(closure(bad, x)));
        assertEquals("only 'strong_wolfe' is supported", s.getMessage());
    }

    @Test
    void stepHooksRunAroundTheWholeStep() {
        Tensor x = start();
        LBFGS opt = new LBFGS(List.of(x), LBFGS.options().maxIter(4));
        int[] calls = new int[2];
        opt.registerStepPreHook(o -> calls[0]++);
        opt.registerStepPostHook(o -> calls[1]++);
        opt.step(closure(opt, x));
        opt.step(closure(opt, x));
        assertArrayEquals(new int[] {2, 2}, calls, "once per step(closure), however often the closure runs");
    }

    @Test
    void optimalStartReturnsAtOnce() {
        Tensor x = new Tensor(NDArray.wrap(new float[] {1f, 1f}, 2)).requiresGrad_(true);
        LBFGS opt = new LBFGS(List.of(x), LBFGS.options());
        opt.step(closure(opt, x));
        assertEquals(List.of("func_evals", "n_iter"), List.copyOf(opt.state(x).asMap().keySet()));
        assertArrayEquals(new float[] {1f, 1f}, x.toFloatArray(), 0f);
    }

    private void roundTrip(LBFGS.Options options) {
        Tensor straight = start();
        LBFGS a = new LBFGS(List.of(straight), options);
        for (int i = 0; i < 4; i++) {
            a.step(closure(a, straight));
        }

        Tensor first = start();
        LBFGS b = new LBFGS(List.of(first), options);
        for (int i = 0; i < 2; i++) {
            b.step(closure(b, first));
        }
        Path file = dir.resolve("lbfgs.safetensors");
        b.stateDict().save(file);
        Tensor resumed = new Tensor(first.array().clone()).requiresGrad_(true);
        LBFGS c = new LBFGS(List.of(resumed), options);
        c.loadStateDict(OptimizerStateDict.load(file));
        for (int i = 0; i < 2; i++) {
            c.step(closure(c, resumed));
        }
        assertArrayEquals(straight.toFloatArray(), resumed.toFloatArray(), 0f);
        assertEquals(a.state(straight).get("func_evals"), c.state(resumed).get("func_evals"));
    }

    @Test
    void stateDictRoundTripThroughAFileContinuesBitForBit() {
        roundTrip(LBFGS.options().maxIter(4).historySize(3));
        roundTrip(LBFGS.options().maxIter(5).lineSearchFn("strong_wolfe"));
    }
}
