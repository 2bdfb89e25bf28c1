package dev.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Param groups, defaults, validation messages, loadStateDict validation and zeroGrad, as in torch.optim. */
class OptimizerBehaviourTest {
    private static void assertMessage(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void groupsWithDifferentHyperparametersUpdateLikeSeparateOptimizers() {
        List<Tensor> ps = Training.params(1);
        Optimizer both = new Adam(List.of(ParamGroup.of(ps.get(0), ps.get(1)).set("lr", 0.1).set("amsgrad", true), ParamGroup.of(ps.get(2))),
                Adam.options().lr(0.01));
        List<Tensor> a = Training.params(1).subList(0, 2);
        List<Tensor> b = Training.params(1).subList(2, 3);
        Optimizer first = new Adam(a, Adam.options().lr(0.1).amsgrad(true));
        Optimizer second = new Adam(b, Adam.options().lr(0.01));
        for (int k = 0; k < 5; k++) {
            Training.setGrads(ps, k);
            List<Tensor> ab = new ArrayList<>(a);
            ab.addAll(b);
            Training.setGrads(ab, k);
            both.step();
            first.step();
            second.step();
        }
        List<Tensor> separate = new ArrayList<>(a);
        separate.addAll(b);
        Training.assertSameValues(separate, ps, "two groups");
        assertEquals(0.1, both.paramGroups().get(0).lr());
        assertEquals(0.01, both.paramGroups().get(1).lr());
        // user keys first, then the defaults in constructor order; params last in the state dict
        assertEquals(List.of("lr", "amsgrad", "betas", "eps", "weight_decay", "maximize", "foreach", "capturable", "differentiable", "fused",
                "decoupled_weight_decay", "params"), List.copyOf(both.stateDict().paramGroups().get(0).keySet()));
        assertEquals(List.of(0, 1), both.stateDict().paramGroups().get(0).get("params"));
        assertEquals(List.of(2), both.stateDict().paramGroups().get(1).get("params"));
    }

    @Test
    void defaultsInPyTorchKeyOrder() {
        List<Tensor> ps = Training.params(1);
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "foreach", "capturable", "differentiable", "fused",
                "decoupled_weight_decay"), List.copyOf(new Adam(ps, Adam.options()).defaultsMap().keySet()));
        Map<String, Object> adamW = new AdamW(ps, AdamW.options()).defaultsMap();
        assertEquals(1e-2, adamW.get("weight_decay"));
        assertEquals(true, adamW.get("decoupled_weight_decay"));
        assertArrayEquals(new double[] {0.9, 0.999}, (double[]) adamW.get("betas"));
        assertEquals(List.of("lr", "momentum", "alpha", "eps", "centered", "weight_decay", "capturable", "foreach", "maximize", "differentiable"),
                List.copyOf(new RMSprop(ps, RMSprop.options()).defaultsMap().keySet()));
        assertEquals(List.of("lr", "lr_decay", "eps", "weight_decay", "initial_accumulator_value", "foreach", "maximize", "differentiable", "fused"),
                List.copyOf(new Adagrad(ps, Adagrad.options()).defaultsMap().keySet()));
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "foreach", "maximize", "differentiable", "capturable"),
                List.copyOf(new Adamax(ps, Adamax.options()).defaultsMap().keySet()));
        assertEquals(List.of("lr", "rho", "eps", "weight_decay", "maximize", "capturable", "foreach", "differentiable"),
                List.copyOf(new Adadelta(ps, Adadelta.options()).defaultsMap().keySet()));
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "momentum_decay", "decoupled_weight_decay", "maximize", "foreach", "capturable",
                "differentiable"), List.copyOf(new NAdam(ps, NAdam.options()).defaultsMap().keySet()));
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "maximize", "foreach", "capturable", "decoupled_weight_decay", "differentiable"),
                List.copyOf(new RAdam(ps, RAdam.options()).defaultsMap().keySet()));
        assertEquals(2e-3, new Adamax(ps, Adamax.options()).defaultsMap().get("lr"));
        assertEquals(1.0, new Adadelta(ps, Adadelta.options()).defaultsMap().get("lr"));
        assertEquals(1e-2, new RMSprop(ps, RMSprop.options()).defaultsMap().get("lr"));
        assertEquals(1e-10, new Adagrad(ps, Adagrad.options()).defaultsMap().get("eps"));
    }

    @Test
    void addParamGroupAfterConstructionGetsDefaultsAndIsUpdated() {
        List<Tensor> ps = Training.params(2);
        SGD opt = new SGD(ps.subList(0, 2), SGD.options().lr(0.1).momentum(0.9));
        opt.addParamGroup(ParamGroup.of(ps.get(2)).set("lr", 0.5));
        ParamGroup added = opt.paramGroups().get(1);
        assertEquals(0.5, added.lr());
        assertEquals(0.9, added.getDouble("momentum"));
        float[] before = ps.get(2).toFloatArray();
        Training.setGrads(ps, 0);
        float[] grad = ps.get(2).grad().toFloatArray();
        opt.step();
        float[] after = ps.get(2).toFloatArray();
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i] + (float) -0.5 * grad[i], after[i], 0f, "element " + i); // first momentum step: buf = g
        }
        assertTrue(opt.hasState(ps.get(2)));
    }

    @Test
    void adagradCreatesStateInTheConstructorAndForAddedGroupsOnFirstStep() {
        List<Tensor> ps = Training.params(2);
        Adagrad opt = new Adagrad(ps.subList(0, 2), Adagrad.options().initialAccumulatorValue(0.25));
        OptimizerStateDict sd = opt.stateDict();
        assertEquals(List.of(0, 1), List.copyOf(sd.state().keySet()));
        assertEquals(List.of("step", "sum"), List.copyOf(sd.state().get(0).keySet()));
        assertEquals(0.0, ((Tensor) sd.state().get(0).get("step")).item());
        for (float v : ((Tensor) sd.state().get(1).get("sum")).toFloatArray()) {
            assertEquals(0.25f, v);
        }
        opt.addParamGroup(ParamGroup.of(ps.get(2)));
        Training.train(opt, ps, 0, 2);
        assertEquals(2.0, opt.state(ps.get(2)).getDouble("step"));
    }

    @Test
    void duplicateParametersAreRejected() {
        List<Tensor> ps = Training.params(3);
        String msg = "some parameters appear in more than one parameter group";
        assertMessage(msg, () -> new SGD(List.of(ParamGroup.of(ps.get(0)), ParamGroup.of(ps.get(1), ps.get(0))), SGD.options()));
        SGD opt = new SGD(ps.subList(0, 2), SGD.options());
        assertMessage(msg, () -> opt.addParamGroup(ParamGroup.of(ps.get(2), ps.get(1))));
        assertEquals(1, opt.paramGroups().size());
    }

    @Test
    void badHyperparametersUsePyTorchsMessages() {
        List<Tensor> ps = Training.params(4);
        assertMessage("Invalid learning rate: -1.0", () -> new Adam(ps, Adam.options().lr(-1)));
        assertMessage("Invalid epsilon value: -1.0", () -> new Adam(ps, Adam.options().eps(-1)));
        assertMessage("Invalid beta parameter at index 0: 1.0", () -> new Adam(ps, Adam.options().betas(1.0, 0.999)));
        assertMessage("Invalid beta parameter at index 1: -0.5", () -> new AdamW(ps, AdamW.options().betas(0.9, -0.5)));
        assertMessage("Invalid weight_decay value: -1.0", () -> new Adam(ps, Adam.options().weightDecay(-1)));
        assertMessage("Invalid learning rate: nan", () -> new Adam(ps, Adam.options().lr(Double.NaN)));
        assertMessage("Invalid alpha value: -0.1", () -> new RMSprop(ps, RMSprop.options().alpha(-0.1)));
        assertMessage("Invalid momentum value: -1.0", () -> new RMSprop(ps, RMSprop.options().momentum(-1)));
        assertMessage("Invalid epsilon value: -1e-08", () -> new RMSprop(ps, RMSprop.options().eps(-1e-8)));
        assertMessage("Invalid lr_decay value: -1.0", () -> new Adagrad(ps, Adagrad.options().lrDecay(-1)));
        assertMessage("Invalid initial_accumulator_value value: -1.0", () -> new Adagrad(ps, Adagrad.options().initialAccumulatorValue(-1)));
        assertMessage("Invalid beta parameter at index 1: 1.0", () -> new Adamax(ps, Adamax.options().betas(0.9, 1.0)));
        assertMessage("Invalid momentum_decay value: -1.0", () -> new NAdam(ps, NAdam.options().momentumDecay(-1)));
        assertMessage("Invalid beta parameter at index 0: -0.1", () -> new RAdam(ps, RAdam.options().betas(-0.1, 0.999)));
        assertMessage("Invalid rho value: 1.5", () -> new Adadelta(ps, Adadelta.options().rho(1.5)));
        assertMessage("Invalid epsilon value: -1.0", () -> new Adadelta(ps, Adadelta.options().eps(-1)));
        assertMessage("Invalid momentum value: -0.5", () -> new SGD(ps, SGD.options().momentum(-0.5)));
        assertMessage("Nesterov momentum requires a momentum and zero dampening", () -> new SGD(ps, SGD.options().nesterov(true)));
        assertMessage("Invalid learning rate: -0.1",
                () -> new Adam(List.of(ParamGroup.of(ps.get(0)).set("lr", -0.1)), Adam.options()));
    }

    @Test
    void invalidLoadStateDictChangesNothing() {
        List<Tensor> ps = Training.params(5);
        Adam opt = new Adam(List.of(ParamGroup.of(ps.get(0), ps.get(1)), ParamGroup.of(ps.get(2))), Adam.options().lr(0.02));
        Training.train(opt, ps, 0, 2);
        Tensor expAvg = opt.state(ps.get(0)).tensor("exp_avg");
        float[] expAvgValues = expAvg.toFloatArray();

        List<Tensor> others = Training.params(6);
        Adam oneGroup = new Adam(others, Adam.options().lr(0.5));
        Training.train(oneGroup, others, 0, 1);
        assertMessage("loaded state dict has a different number of parameter groups", () -> opt.loadStateDict(oneGroup.stateDict()));

        OptimizerStateDict good = opt.stateDict();
        List<Map<String, Object>> badGroups = new ArrayList<>();
        for (Map<String, Object> g : good.paramGroups()) {
            badGroups.add(new LinkedHashMap<>(g));
        }
        badGroups.get(1).put("lr", 9.0);
        badGroups.get(0).put("lr", 9.0);
        badGroups.get(1).put("params", List.of(2, 3));
        assertMessage("loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
                () -> opt.loadStateDict(new OptimizerStateDict(good.state(), badGroups)));

        assertEquals(0.02, opt.paramGroups().get(0).lr());
        assertSame(expAvg, opt.state(ps.get(0)).tensor("exp_avg"));
        assertArrayEquals(expAvgValues, expAvg.toFloatArray());
        assertEquals(2.0, opt.state(ps.get(2)).getDouble("step"));
    }

    @Test
    void zeroGradSetsToNoneOrZeroesInPlace() {
        List<Tensor> ps = Training.params(8);
        SGD opt = new SGD(ps, SGD.options());
        Training.setGrads(ps, 0);
        Tensor g = ps.get(1).grad();
        opt.zeroGrad(false);
        assertSame(g, ps.get(1).grad());
        for (float v : g.toFloatArray()) {
            assertEquals(0f, v);
        }
        assertNotNull(ps.get(0).grad());
        opt.zeroGrad();
        for (Tensor p : ps) {
            assertNull(p.grad());
        }
        opt.step(); // no gradients: nothing changes, no state
        assertFalse(opt.hasState(ps.get(0)));
    }
}
