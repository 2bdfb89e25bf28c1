package dev.jtorch.examples;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.Module;
import dev.jtorch.optim.SGD;
import dev.jtorch.optim.lr.StepLR;
import java.io.PrintStream;
import java.nio.file.Paths;

/**
 * Trains a 784-256-128-10 MLP on Fashion-MNIST: {@code SGD(lr=0.02, momentum=0.9)} with
 * {@code StepLR(step_size=5, gamma=0.2)}, batches of 64, 10 epochs, with the shared program of
 * {@link FashionMnistTraining} (seeded shuffles, progress bars, test accuracy, weights, a resumable
 * checkpoint and a chart).
 *
 * <pre>
 * FashionMnistMlp [DATA_DIR] [--epochs N] [--limit N] [--out DIR] [--resume] [--seed N] [--lr X]
 * </pre>
 */
public final class FashionMnistMlp {
    private FashionMnistMlp() {}

    /** The final weights written into the output directory. */
    public static final String WEIGHTS = FashionMnistTraining.WEIGHTS;
    /** The training-curve chart. */
    public static final String CHART = FashionMnistTraining.CHART;

    /** The network: flatten, then Linear+ReLU, Linear+ReLU, Linear. */
    public static final class Mlp extends Module {
        public final Linear fc1 = register("fc1", new Linear(28 * 28, 256));
        public final Linear fc2 = register("fc2", new Linear(256, 128));
        public final Linear fc3 = register("fc3", new Linear(128, 10));

        @Override
        public Tensor forward(Tensor x) {
            Tensor h = x.reshape(x.size(0), 28 * 28);
            h = Torch.relu(fc1.forward(h));
            h = Torch.relu(fc2.forward(h));
            return fc3.forward(h);
        }
    }

    static final FashionMnistTraining.Recipe RECIPE = new FashionMnistTraining.Recipe("FashionMnistMlp", Mlp::new,
            (params, lr) -> new SGD(params, SGD.options().lr(lr).momentum(0.9)), opt -> new StepLR(opt, 5, 0.2),
            Paths.get("runs", "fashion-mnist-mlp"), 10, 0.02, 64);

    static final String USAGE = RECIPE.usage();

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the program and returns its exit status instead of exiting: 0 on success, 2 for bad
     * arguments, missing data or a missing checkpoint (the message goes to {@code err}, no stack trace).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return FashionMnistTraining.run(RECIPE, args, out, err);
    }
}
