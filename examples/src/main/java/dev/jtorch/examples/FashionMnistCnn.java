package dev.jtorch.examples;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.Conv2d;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.MaxPool2d;
import dev.jtorch.nn.Module;
import dev.jtorch.optim.SGD;
import dev.jtorch.optim.lr.StepLR;
import java.io.PrintStream;
import java.nio.file.Paths;

/**
 * Trains a small CNN on Fashion-MNIST: two 3x3 convolutions (32 and 64 channels) each followed by
 * ReLU and 2x2 max pooling, then Linear(1600, 128)+ReLU and Linear(128, 10); {@code SGD(lr=0.02,
 * momentum=0.9)} with {@code StepLR(step_size=5, gamma=0.2)}, batches of 64, 8 epochs, with the
 * shared program of {@link FashionMnistTraining} (seeded shuffles, progress bars, test accuracy,
 * weights, a resumable checkpoint and a chart).
 *
 * <pre>
 * FashionMnistCnn [DATA_DIR] [--epochs N] [--limit N] [--out DIR] [--resume] [--seed N] [--lr X]
 * </pre>
 */
public final class FashionMnistCnn {
    private FashionMnistCnn() {}

    /** The final weights written into the output directory. */
    public static final String WEIGHTS = FashionMnistTraining.WEIGHTS;
    /** The training-curve chart. */
    public static final String CHART = FashionMnistTraining.CHART;

    /** The network, as {@code nn.Module} code in a PyTorch tutorial writes it. */
    public static final class Cnn extends Module {
        public final Conv2d conv1 = register("conv1", new Conv2d(1, 32, 3));
        public final Conv2d conv2 = register("conv2", new Conv2d(32, 64, 3));
        public final MaxPool2d pool = register("pool", new MaxPool2d(2));
        public final Linear fc1 = register("fc1", new Linear(64 * 5 * 5, 128));
        public final Linear fc2 = register("fc2", new Linear(128, 10));

        @Override
        public Tensor forward(Tensor x) {
            Tensor h = pool.forward(Torch.relu(conv1.forward(x)));   // [N, 32, 13, 13]
            h = pool.forward(Torch.relu(conv2.forward(h)));          // [N, 64, 5, 5]
            h = Torch.relu(fc1.forward(h.flatten(1, -1)));
            return fc2.forward(h);
        }
    }

    static final FashionMnistTraining.Recipe RECIPE = new FashionMnistTraining.Recipe("FashionMnistCnn", Cnn::new,
            (params, lr) -> new SGD(params, SGD.options().lr(lr).momentum(0.9)), opt -> new StepLR(opt, 5, 0.2),
            Paths.get("runs", "fashion-mnist-cnn"), 8, 0.02, 64);

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
