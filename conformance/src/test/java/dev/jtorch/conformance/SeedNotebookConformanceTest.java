package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.examples.SeedNotebook;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.TensorFormatter;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Node;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * The seed notebook against libtorch: the same program (same seed, same order of module
 * construction, libtorch's own Linear init, cross entropy and SGD) must print the same lines.
 * libtorch values are printed with jtorch's formatter (whose output is itself checked against
 * PyTorch's repr in {@link PrintingConformanceTest}), with libtorch's grad_fn names.
 */
class SeedNotebookConformanceTest {
    private static final String MODEL0_REPR = "Model0(\n"
            + "  (h1): Linear(in_features=3, out_features=3, bias=True)\n"
            + "  (h2): Linear(in_features=3, out_features=2, bias=True)\n"
            + "  (out): Linear(in_features=2, out_features=3, bias=True)\n"
            + ")";

    @Test
    void everyPrintedLineMatchesLibtorch() {
        Oracle.require();
        List<String> expected = libtorchNotebook();
        List<String> actual = SeedNotebook.run();
        assertEquals(expected.size(), actual.size(), "number of printed lines");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "printed line " + i);
        }
    }

    private static List<String> libtorchNotebook() {
        List<String> out = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            torch.manual_seed(0);
            Tensor x = Oracle.toTorch(NDArray.scalar(1.0));
            x.set_requires_grad(true);
            Tensor y = x.pow(new Scalar(3L));
            TensorVector dydx = torch.grad(new TensorVector(y), new TensorVector(x));
            out.add("(" + print(dydx.get(0)) + ",)");

            LinearImpl h1 = new LinearImpl(3, 3);
            LinearImpl h2 = new LinearImpl(3, 2);
            LinearImpl o = new LinearImpl(2, 3);
            out.add(MODEL0_REPR);
            Tensor inputs = Oracle.toTorch(SeedNotebook.inputs().array());
            Tensor targets = Oracle.toTorch(SeedNotebook.targets().array());
            Tensor loss = torch.cross_entropy_loss(forward(h1, h2, o, inputs), targets);
            out.add(print(loss));

            loss.backward();
            out.add(print(h1.weight().grad()));

            Tensor w0 = h1.weight();
            Tensor dw = h1.weight().grad();
            out.add(print(w0.sub(dw.mul(new Scalar(0.1)))));

            Tensor v = torch.zeros_like(dw);
            Tensor v1 = v.mul(new Scalar(0.9)).add(dw.mul(new Scalar(0.1)));
            out.add(print(v1));
            out.add(print(w0.sub(v1)));

            LinearImpl m1 = new LinearImpl(3, 3);
            LinearImpl m2 = new LinearImpl(3, 2);
            LinearImpl m3 = new LinearImpl(2, 3);
            TensorVector params = new TensorVector(m1.weight(), m1.bias(), m2.weight(), m2.bias(), m3.weight(), m3.bias());
            SGDOptions opts = new SGDOptions(0.01);
            opts.momentum().put(0.9);
            SGD opt = new SGD(params, opts);
            for (int i = 0; i < 100; i++) {
                Tensor l = torch.cross_entropy_loss(forward(m1, m2, m3, inputs), targets);
                opt.zero_grad();
                l.backward();
                opt.step();
                out.add(print(l));
            }
        }
        return out;
    }

    private static Tensor forward(LinearImpl a, LinearImpl b, LinearImpl c, Tensor x) {
        return c.forward(torch.relu(b.forward(torch.relu(a.forward(x)))));
    }

    /** repr of a libtorch tensor: values through jtorch's PyTorch-exact formatter, libtorch's own grad_fn name. */
    private static String print(Tensor t) {
        List<String> suffixes = new ArrayList<>();
        Node fn = t.grad_fn();
        if (fn != null && !fn.isNull()) {
            String name = fn.name().getString();
            suffixes.add("grad_fn=<" + name.substring(name.lastIndexOf(':') + 1) + ">");
        } else if (t.requires_grad()) {
            suffixes.add("requires_grad=True");
        }
        return TensorFormatter.format(Oracle.fromTorch(t.detach()), suffixes);
    }
}
