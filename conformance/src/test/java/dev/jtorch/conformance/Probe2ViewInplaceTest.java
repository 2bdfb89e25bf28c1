package dev.jtorch.conformance;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.*;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import dev.jtorch.tensor.NDArray;

class Probe2ViewInplaceTest {
    static void run(String what, Runnable r) {
        try { r.run(); System.out.println(what + " OK"); } catch (RuntimeException e) { System.out.println(what + " ERR: " + IndexingInputs.torchMessage(e)); }
    }
    static Tensor ex() { return torch.zeros(1).expand(3); }
    static NDArray jex() { return NDArray.zeros(1).expand(3); }
    @Test
    void probe() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            run("add_", () -> ex().add_(new Scalar(1.0)));
            run("mul_", () -> ex().mul_(new Scalar(1.0)));
            run("exp_", () -> ex().exp_());
            run("fill_", () -> ex().fill_(new Scalar(1.0)));
            run("zero_", () -> ex().zero_());
            run("copy_", () -> ex().copy_(torch.ones(3)));
            run("masked_fill_", () -> ex().masked_fill_(Oracle.toTorch(NDArray.wrapBool(new byte[]{1,0,1}, 3)), new Scalar(2.0)));
            run("clamp_", () -> ex().clamp_(new ScalarOptional(new Scalar(0.0)), new ScalarOptional(new Scalar(1.0))));
            run("addcmul_", () -> ex().addcmul_(torch.ones(3), torch.ones(3), new Scalar(1.0)));
            run("lerp_", () -> ex().lerp_(torch.ones(3), new Scalar(0.5)));
            run("index_add_", () -> ex().index_add_(0, Oracle.toTorch(NDArray.wrap(new long[]{0}, 1)), torch.ones(1)));
            run("j add_", () -> jex().add_(1.0));
            run("j fill_", () -> jex().fill_(1.0));
            run("j copy_", () -> jex().copy_(NDArray.ones(3)));
            run("as_strided neg", () -> torch.zeros(4).as_strided(new long[]{2}, new long[]{-1}, new LongOptional(0)));
            run("as_strided oob", () -> torch.zeros(4).as_strided(new long[]{2, 3}, new long[]{3, 1}, new LongOptional(1)));
            run("as_strided oob0", () -> torch.zeros(4).as_strided(new long[]{0, 3}, new long[]{3, 1}, new LongOptional(9)));
            run("as_strided len", () -> torch.zeros(4).as_strided(new long[]{2, 3}, new long[]{3}, new LongOptional(0)));
            run("as_strided negoff", () -> torch.zeros(4).as_strided(new long[]{2}, new long[]{1}, new LongOptional(-1)));
            run("as_strided negsize", () -> torch.zeros(4).as_strided(new long[]{-2}, new long[]{1}, new LongOptional(0)));
            run("as_strided f64 oob", () -> torch.zeros(4).to(torch.ScalarType.Double).as_strided(new long[]{5}, new long[]{1}, new LongOptional(0)));
            // grad_fn name of as_strided, and its double backward name
            run("as_strided names", () -> { Tensor x = torch.ones(4); x.set_requires_grad(true); Tensor y = x.as_strided(new long[]{2, 2}, new long[]{1, 1}, new LongOptional(0));
                System.out.println("as_strided fn " + GradCase.gradFnName(y));
                TensorVector g = torch.grad(new TensorVector(y.mul(y).sum()), new TensorVector(x), new TensorVector(), new BoolOptional(true), true, false);
                System.out.println("as_strided grad " + java.util.Arrays.toString(Oracle.fromTorch(g.get(0)).toDoubleArray()) + " fn " + GradCase.gradFnName(g.get(0)));
                TensorVector g2 = torch.grad(new TensorVector(y.sum()), new TensorVector(x), new TensorVector(), new BoolOptional(true), true, false);
                System.out.println("as_strided grad2 fn " + GradCase.gradFnName(g2.get(0)) + " rg " + g2.get(0).requires_grad()); });
            run("retain on base", () -> { Tensor x = torch.ones(3); x.set_requires_grad(true); Tensor y = x.mul(new Scalar(2.0)); y.retain_grad(); y.narrow(0, 0, 2).mul_(new Scalar(3.0)); y.sum().backward();
                System.out.println("y.grad " + java.util.Arrays.toString(Oracle.fromTorch(y.grad()).toDoubleArray())); });
            run("multi dirty custom? skip", () -> {});
        }
    }
}
