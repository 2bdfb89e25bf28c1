package dev.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving an optimizer's state dict mid-training to a file and loading it into a fresh optimizer
 * over fresh copies of the parameters continues bit for bit like uninterrupted training.
 */
class OptimizerStateDictRoundTripTest {
    @TempDir
    Path dir;

    private void roundTrip(String name, Function<List<Tensor>, Optimizer> make) {
        List<Tensor> straight = Training.params(7);
        Training.train(make.apply(straight), straight, 0, 20);

        List<Tensor> first = Training.params(7);
        Optimizer opt = make.apply(first);
        Training.train(opt, first, 0, 10);
        Path file = dir.resolve(name + ".safetensors");
        opt.stateDict().save(file);

        List<Tensor> resumed = Training.copies(first);
        Optimizer fresh = make.apply(resumed);
        fresh.loadStateDict(OptimizerStateDict.load(file));
        Training.train(fresh, resumed, 10, 20);
        Training.assertSameValues(straight, resumed, name);
    }

    @Test
    void sgdWithMomentum() {
        roundTrip("sgd", ps -> new SGD(ps, SGD.options().lr(0.05).momentum(0.9).nesterov(true).weightDecay(1e-3)));
    }

    @Test
    void adam() {
        roundTrip("adam", ps -> new Adam(ps, Adam.options().lr(0.05).amsgrad(true).weightDecay(1e-2)));
    }

    @Test
    void adamW() {
        roundTrip("adamw", ps -> new AdamW(ps, AdamW.options().lr(0.05)));
    }

    @Test
    void rmsprop() {
        roundTrip("rmsprop", ps -> new RMSprop(ps, RMSprop.options().lr(0.01).centered(true).momentum(0.5)));
    }

    @Test
    void adagrad() {
        roundTrip("adagrad", ps -> new Adagrad(ps, Adagrad.options().lr(0.1).lrDecay(0.01).initialAccumulatorValue(0.1)));
    }

    @Test
    void adamax() {
        roundTrip("adamax", ps -> new Adamax(ps, Adamax.options().lr(0.05).weightDecay(1e-2)));
    }

    @Test
    void adadelta() {
        roundTrip("adadelta", ps -> new Adadelta(ps, Adadelta.options().rho(0.8)));
    }

    @Test
    void nadam() {
        roundTrip("nadam", ps -> new NAdam(ps, NAdam.options().lr(0.02).weightDecay(1e-2)));
    }

    @Test
    void radam() {
        roundTrip("radam", ps -> new RAdam(ps, RAdam.options().lr(0.02)));
    }

    @Test
    void adamStateAfterLoadIsInPyTorchOrderWithStepAsFloatTensor() {
        List<Tensor> ps = Training.params(3);
        Optimizer opt = new Adam(ps, Adam.options().amsgrad(true));
        Training.train(opt, ps, 0, 3);
        Path file = dir.resolve("order.safetensors");
        opt.stateDict().save(file);
        OptimizerStateDict sd = OptimizerStateDict.load(file);
        assertEquals(List.of(0, 1, 2), List.copyOf(sd.state().keySet()));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(sd.state().get(0).keySet()));
        Tensor step = (Tensor) sd.state().get(1).get("step");
        assertEquals(dev.jtorch.tensor.DType.FLOAT32, step.dtype());
        assertEquals(0, step.array().dim());
        assertEquals(3.0, step.item());
    }
}
