package dev.jtorch.examples;

import static dev.jtorch.Torch.tensor;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.Autograd;
import dev.jtorch.nn.CrossEntropyLoss;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.Module;
import dev.jtorch.optim.SGD;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed notebook, cell by cell, printing what each cell prints in PyTorch: the derivative
 * of {@code x**3} at 1, a 3-3-2-3 network with cross entropy, its gradient, a manual
 * gradient-descent step, a manual momentum step, and 100 iterations of
 * {@code SGD(lr=0.01, momentum=0.9)}. {@code conformance/} runs the same program on libtorch and
 * requires every printed number to be identical.
 */
public final class SeedNotebook {
    private SeedNotebook() {}

    /** The notebook's model, ported line for line. */
    public static final class Model0 extends Module {
        public final Linear h1 = register("h1", new Linear(3, 3, true));
        public final Linear h2 = register("h2", new Linear(3, 2, true));
        public final Linear out = register("out", new Linear(2, 3, true));

        @Override
        public Tensor forward(Tensor x) {
            Tensor h1Out = Torch.relu(h1.forward(x));
            Tensor h2Out = Torch.relu(h2.forward(h1Out));
            return out.forward(h2Out);
        }
    }

    /** The notebook's inputs: three samples of three features. */
    public static Tensor inputs() {
        return tensor(new float[][] {{1.0f, 2.0f, 1.5f}, {3.0f, 4.0f, 2.3f}, {5.0f, 6.0f, 1.2f}});
    }

    /** The notebook's class targets. */
    public static Tensor targets() {
        return tensor(new long[] {0, 2, 1});
    }

    /** Runs every cell and returns the printed lines, in order. */
    public static List<String> run() {
        List<String> out = new ArrayList<>();
        Torch.manualSeed(0);

        // Cell 1: autograd on a scalar: dy/dx of x**3 at 1
        Tensor x = tensor(1.0, true);
        Tensor y = x.pow(3);
        Tensor[] dydx = Autograd.grad(new Tensor[] {y}, new Tensor[] {x});
        out.add("(" + dydx[0] + ",)");

        // Cell 2: the model and its loss
        Model0 net = new Model0();
        out.add(net.toString());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor loss = criterion.forward(net.forward(inputs()), targets());
        out.add(loss.toString());

        // Cell 3: gradients
        loss.backward();
        out.add(net.h1.weight().grad().toString());

        // Cell 4: one manual gradient-descent step, w1 = w0 - lr * dw
        double lr = 0.1;
        Tensor w0 = net.h1.weight();
        Tensor dw = net.h1.weight().grad();
        Tensor w1 = w0.sub(dw.mul(lr));
        out.add(w1.toString());

        // Cell 5: one manual momentum step, v1 = v * gamma + lr * dw; w1 = w0 - v1
        double gamma = 0.9;
        Tensor v = Torch.zerosLike(dw);
        Tensor v1 = v.mul(gamma).add(dw.mul(lr));
        Tensor w1m = w0.sub(v1);
        out.add(v1.toString());
        out.add(w1m.toString());

        // Cell 6: a fresh model trained with SGD and momentum
        Model0 model = new Model0();
        SGD opt = new SGD(model.parameters(), SGD.options().lr(0.01).momentum(0.9));
        for (int i = 0; i < 100; i++) {
            Tensor l = criterion.forward(model.forward(inputs()), targets());
            opt.zeroGrad();
            l.backward();
            opt.step();
            out.add(l.toString());
        }
        return out;
    }

    /** Prints the notebook's output. */
    public static void main(String[] args) {
        for (String line : run()) {
            System.out.println(line);
        }
    }
}
