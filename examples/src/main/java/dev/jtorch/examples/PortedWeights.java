package dev.jtorch.examples;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.IncompatibleKeys;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Weights from PyTorch, run in Java: a safetensors file as written by
 * {@code safetensors.torch.save_file(model.state_dict(), path)} (PyTorch's key names such as
 * {@code h1.weight}) is loaded into the same architecture, validated before anything changes,
 * and run. Usage: {@code PortedWeights model.safetensors}.
 */
public final class PortedWeights {
    private PortedWeights() {}

    /** Loads {@code path} into a fresh {@link SeedNotebook.Model0} and returns its predictions on the notebook's inputs. */
    public static Tensor run(Path path) {
        SeedNotebook.Model0 net = new SeedNotebook.Model0();
        IncompatibleKeys keys = net.load(path);
        System.out.println("load_state_dict: " + keys);
        try (var g = Torch.noGrad()) {
            return net.eval().forward(SeedNotebook.inputs());
        }
    }

    /** Prints the logits of the loaded model. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PortedWeights <model.safetensors>  (a Model0 state dict: h1.weight, h1.bias, h2.weight, "
                    + "h2.bias, out.weight, out.bias)");
            System.exit(2);
        }
        System.out.println(run(Paths.get(args[0])));
    }
}
