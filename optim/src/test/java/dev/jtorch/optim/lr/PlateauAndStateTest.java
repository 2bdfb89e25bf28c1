package dev.jtorch.optim.lr;

import static dev.jtorch.optim.lr.Schedules.sgd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import dev.jtorch.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * ReduceLROnPlateau on hand-worked metric sequences; state dict round trips mid-schedule (a fresh
 * optimizer and scheduler loaded at step 37 continue exactly like an uninterrupted run); PyTorch's
 * state dict keys and constructor messages.
 */
class PlateauAndStateTest {
    private static List<Double> lrs(Optimizer opt) {
        List<Double> out = new ArrayList<>();
        for (ParamGroup g : opt.paramGroups()) {
            out.add(g.lr());
        }
        return out;
    }

    @Test
    void plateauMinRelPatienceCooldown() {
        Optimizer opt = sgd();
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().patience(2).cooldown(1).factor(0.5));
        // best=10 at 1; 10, 10 bad (2 <= patience); third bad -> reduce, cooldown 1
        double[] metrics = {10, 10, 10, 10, 10, 10, 10, 5, 5, 5, 5};
        double[] expected0 = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025};
        for (int i = 0; i < metrics.length; i++) {
            s.step(metrics[i]);
            assertEquals(expected0[i], opt.paramGroups().get(0).lr(), 1e-17, "step " + i);
            assertEquals(expected0[i] / 2, opt.paramGroups().get(1).lr(), 1e-17, "group 1 step " + i);
        }
        assertEquals(metrics.length, s.lastEpoch());
    }

    @Test
    void plateauThresholdModesAndMinLr() {
        // rel min: 9.9995 is not below 10 * (1 - 1e-4) = 9.999 -> bad epoch; abs min with threshold 0.5: 9.6 is not < 9.5
        Optimizer rel = sgd();
        ReduceLROnPlateau r = new ReduceLROnPlateau(rel, ReduceLROnPlateau.options().patience(0));
        r.step(10);
        r.step(9.9995);
        assertEquals(0.01, rel.paramGroups().get(0).lr(), 1e-17);
        Optimizer abs = sgd();
        ReduceLROnPlateau a = new ReduceLROnPlateau(abs, ReduceLROnPlateau.options().patience(0).thresholdMode("abs").threshold(0.5)
                .minLrs(0.05, 0.0));
        a.step(10);
        a.step(9.6);
        assertEquals(List.of(0.05, 0.005000000000000001), lrs(abs), "min_lr per group");
        a.step(9.4);
        assertEquals(List.of(0.05, 0.005000000000000001), lrs(abs), "improved");
        // max mode: rising metric is good
        Optimizer max = sgd();
        ReduceLROnPlateau m = new ReduceLROnPlateau(max, ReduceLROnPlateau.options().mode("max").patience(1).eps(0.02));
        for (double v : new double[] {1, 2, 3, 3, 3, 3}) {
            m.step(v);
        }
        // the reduction of group 0 (0.1 -> 0.01) exceeds eps; group 1's (0.05 -> 0.005) is 0.045, also applied
        assertEquals(List.of(0.010000000000000002, 0.005000000000000001), lrs(max));
    }

    @Test
    void plateauMessagesAndState() {
        assertEquals("Factor should be < 1.0.", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd(), ReduceLROnPlateau.options().factor(1.0))).getMessage());
        assertEquals("mode avg is unknown!", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd(), ReduceLROnPlateau.options().mode("avg"))).getMessage());
        assertEquals("threshold mode pct is unknown!", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd(), ReduceLROnPlateau.options().thresholdMode("pct"))).getMessage());
        assertEquals("expected 2 min_lrs, got 3", assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau(sgd(), ReduceLROnPlateau.options().minLrs(0, 0, 0))).getMessage());
        Map<String, Object> sd = new ReduceLROnPlateau(sgd()).stateDict();
        assertEquals(List.of("factor", "default_min_lr", "min_lrs", "patience", "cooldown", "eps", "last_epoch", "_last_lr",
                "mode_worse", "mode", "threshold", "threshold_mode", "best", "cooldown_counter", "num_bad_epochs"),
                List.copyOf(sd.keySet()));
    }

    /** Run 100 steps straight; run 37, save both state dicts, load into fresh ones, run 63 more: same lrs every step. */
    private static void roundTrip(String what, Function<Optimizer, LRScheduler> make) {
        Optimizer straightOpt = sgd();
        LRScheduler straight = make.apply(straightOpt);
        List<List<Double>> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            straight.step();
            expected.add(lrs(straightOpt));
        }
        Optimizer firstOpt = sgd();
        LRScheduler first = make.apply(firstOpt);
        for (int i = 0; i < 37; i++) {
            first.step();
        }
        var optSd = firstOpt.stateDict();
        Map<String, Object> schedSd = first.stateDict();
        Optimizer freshOpt = sgd();
        LRScheduler fresh = make.apply(freshOpt);
        freshOpt.loadStateDict(optSd);
        fresh.loadStateDict(schedSd);
        for (int i = 37; i < 100; i++) {
            fresh.step();
            assertEquals(expected.get(i), lrs(freshOpt), what + " step " + i);
            assertEquals(expected.get(i), fresh.getLastLr(), what + " get_last_lr " + i);
        }
    }

    @Test
    void stateDictRoundTripsMidSchedule() {
        roundTrip("StepLR", o -> new StepLR(o, 7, 0.5));
        roundTrip("MultiStepLR", o -> new MultiStepLR(o, List.of(20, 40, 40), 0.5));
        roundTrip("ConstantLR", o -> new ConstantLR(o, 0.2, 50));
        roundTrip("LinearLR", o -> new LinearLR(o, 0.1, 1.0, 60));
        roundTrip("ExponentialLR", o -> new ExponentialLR(o, 0.97));
        roundTrip("PolynomialLR", o -> new PolynomialLR(o, 80, 2.0));
        roundTrip("CosineAnnealingLR", o -> new CosineAnnealingLR(o, 30, 0.001));
        roundTrip("CosineAnnealingWarmRestarts", o -> new CosineAnnealingWarmRestarts(o, 5, 2, 0.0));
        roundTrip("LambdaLR", o -> new LambdaLR(o, e -> 1.0 / (1 + e)));
        roundTrip("MultiplicativeLR", o -> new MultiplicativeLR(o, e -> 0.99));
        roundTrip("CyclicLR", o -> new CyclicLR(o, CyclicLR.options(0.01, 0.1).stepSizeUp(6).mode("triangular2")));
        roundTrip("OneCycleLR", o -> new OneCycleLR(o, OneCycleLR.options(0.5).totalSteps(101).threePhase(true)));
        roundTrip("SequentialLR", o -> new SequentialLR(o, List.of(new LinearLR(o, 0.5, 1.0, 10), new ExponentialLR(o, 0.95)),
                List.of(30)));
        roundTrip("ChainedScheduler", o -> new ChainedScheduler(List.of(new StepLR(o, 10, 0.9), new ExponentialLR(o, 0.99))));
    }

    @Test
    void stateDictKeysArePyTorchs() {
        assertEquals(List.of("step_size", "gamma", "base_lrs", "last_epoch", "_step_count", "_is_initial",
                "_get_lr_called_within_step", "_last_lr"), List.copyOf(new StepLR(sgd(), 3).stateDict().keySet()));
        Map<String, Object> lambda = new LambdaLR(sgd(), e -> 1.0).stateDict();
        assertEquals("lr_lambdas", List.copyOf(lambda.keySet()).get(lambda.size() - 1));
        assertNull(((List<?>) lambda.get("lr_lambdas")).get(0), "functions are not saved");
        Optimizer o = sgd();
        Map<String, Object> seq = new SequentialLR(o, List.of(new StepLR(o, 2), new StepLR(o, 3)), List.of(5)).stateDict();
        assertEquals(List.of("_milestones", "last_epoch", "_last_lr", "_schedulers"), List.copyOf(seq.keySet()));
        assertEquals(List.of("T_0", "T_i", "T_mult", "eta_min", "T_cur", "base_lrs", "last_epoch", "_step_count", "_is_initial",
                "_get_lr_called_within_step", "_last_lr"), List.copyOf(new CosineAnnealingWarmRestarts(o, 3).stateDict().keySet()));
        assertEquals(0, new CosineAnnealingWarmRestarts(o, 3).stateDict().get("_step_count"), "its step() does not count");
    }

    @Test
    void constructorMessages() {
        assertEquals("Constant multiplicative factor expected to be between 0 and 1.",
                assertThrows(IllegalArgumentException.class, () -> new ConstantLR(sgd(), 1.5, 5)).getMessage());
        assertEquals("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.",
                assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(), 0, 1, 5)).getMessage());
        assertEquals("Ending multiplicative factor expected to be between 0 and 1.",
                assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(), 0.5, 1.5, 5)).getMessage());
        assertEquals("Expected positive integer T_0, but got 0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingWarmRestarts(sgd(), 0)).getMessage());
        assertEquals("Expected integer T_mult >= 1, but got 0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingWarmRestarts(sgd(), 5, 0, 0)).getMessage());
        assertEquals("Expected non-negative epoch, but got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingWarmRestarts(sgd(), 5).step(-1.0)).getMessage());
        assertEquals("Expected 2 lr_lambdas, but got 1",
                assertThrows(IllegalArgumentException.class, () -> new LambdaLR(sgd(), List.of(e -> 1.0), -1)).getMessage());
        assertEquals("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer",
                assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(), 3, 0.1, 5)).getMessage());
        assertEquals("mode is invalid and scale_fn is None", assertThrows(IllegalArgumentException.class,
                () -> new CyclicLR(sgd(), CyclicLR.options(0.1, 1).mode("square"))).getMessage());
        assertEquals("optimizer must support momentum or beta1 with `cycle_momentum` option enabled",
                assertThrows(IllegalArgumentException.class, () -> new CyclicLR(new dev.jtorch.optim.Adagrad(List.of(Schedules.param()),
                        dev.jtorch.optim.Adagrad.options()), CyclicLR.options(0.1, 1))).getMessage());
        assertEquals("max_lr must have the same length as optimizer.param_groups. max_lr has 3 values, param_groups has 2.",
                assertThrows(IllegalArgumentException.class, () -> new CyclicLR(sgd(), CyclicLR.options(new double[] {0.1, 0.1},
                        new double[] {1, 2, 3}))).getMessage());
        assertEquals("You must define either total_steps OR (epochs AND steps_per_epoch)",
                assertThrows(IllegalArgumentException.class, () -> new OneCycleLR(sgd(), OneCycleLR.options(1.0))).getMessage());
        assertEquals("Expected positive integer total_steps, but got 0", assertThrows(IllegalArgumentException.class,
                () -> new OneCycleLR(sgd(), OneCycleLR.options(1.0).totalSteps(0))).getMessage());
        assertEquals("Expected float between 0 and 1 pct_start, but got 1.5", assertThrows(IllegalArgumentException.class,
                () -> new OneCycleLR(sgd(), OneCycleLR.options(1.0).totalSteps(10).pctStart(1.5))).getMessage());
        assertEquals("anneal_strategy must be one of 'cos' or 'linear', instead got exp", assertThrows(IllegalArgumentException.class,
                () -> new OneCycleLR(sgd(), OneCycleLR.options(1.0).totalSteps(10).annealStrategy("exp"))).getMessage());
        OneCycleLR short1 = new OneCycleLR(sgd(), OneCycleLR.options(1.0).totalSteps(3));
        short1.step();
        short1.step();
        short1.step();
        assertEquals("Tried to step 4 times. The specified number of total steps is 3",
                assertThrows(IllegalArgumentException.class, short1::step).getMessage());
        Optimizer o = sgd();
        assertEquals("SequentialLR expects at least one scheduler, but got no scheduler.",
                assertThrows(IllegalArgumentException.class, () -> new SequentialLR(o, List.of(), List.of())).getMessage());
        assertEquals("ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.",
                assertThrows(IllegalArgumentException.class, () -> new ChainedScheduler(List.of())).getMessage());
        assertEquals("SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be "
                + "specified when calling `step`, but got one at index 0 in the given schedulers sequence.",
                assertThrows(IllegalArgumentException.class, () -> new SequentialLR(o, List.of(new ReduceLROnPlateau(o)), List.of()))
                        .getMessage());
        assertEquals("Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone "
                + "points, but got number of schedulers 1 and the number of milestones to be equal to 1",
                assertThrows(IllegalArgumentException.class, () -> new SequentialLR(o, List.of(new StepLR(o, 2)), List.of(3)))
                        .getMessage());
        Optimizer other = new SGD(List.of(Schedules.param()), SGD.options().lr(0.1));
        String msg = assertThrows(IllegalArgumentException.class, () -> new ChainedScheduler(List.of(new StepLR(o, 2),
                new StepLR(other, 2)))).getMessage();
        assertEquals(true, msg.startsWith("ChainedScheduler expects all schedulers to belong to the same optimizer, but got "
                + "scheduler StepLR at index 1 has "), msg);
    }
}
