package dev.jtorch.conformance;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.*;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class ProbeViewInplaceTest {
    static String name(Tensor t) { return GradCase.gradFnName(t); }
    static Tensor leaf() { Tensor x = torch.arange(new Scalar(1.0), new Scalar(4.0)).to(torch.ScalarType.Float); x.set_requires_grad(true); return x; }
    static void run(String what, Runnable r) {
        try { r.run(); } catch (RuntimeException e) { System.out.println(what + " ERR: " + IndexingInputs.torchMessage(e)); }
    }
    static void p(String s) { System.out.println(s); }
    static String vals(Tensor t) { return t == null || !t.defined() ? "undef" : java.util.Arrays.toString(Oracle.fromTorch(t).toDoubleArray()); }

    @Test
    void probe() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            run("1", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); Tensor v = y.select(0, 0);
                p("1 v before " + name(v) + " ver " + v._version());
                v.mul_(new Scalar(3.0)); p("1 y " + name(y) + " v " + name(v) + " isleaf v " + v.is_leaf());
                Node cs = y.grad_fn(); p("1 cs next " + cs.num_outputs() + " " + AutogradOracle.nodeName(cs.next_edge(0).function()));
                Node as = v.grad_fn(); p("1 as next " + AutogradOracle.nodeName(as.next_edge(0).function()));
                y.sum().backward(); p("1 x.grad " + vals(x.grad())); });
            run("2 view of leaf", () -> { Tensor x = leaf(); x.select(0, 0).mul_(new Scalar(3.0)); });
            run("2b view of leaf nograd-other", () -> { Tensor x = leaf(); Tensor v = x.narrow(0,0,2); p("2b v rg " + v.requires_grad() + " " + name(v)); });
            run("3 nograd view", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); GradMode.set_enabled(false); Tensor v = y.select(0, 0); GradMode.set_enabled(true);
                p("3 v rg " + v.requires_grad() + " leaf " + v.is_leaf() + " fn " + name(v)); v.mul_(new Scalar(3.0)); });
            run("3b nograd view of leaf", () -> { Tensor x = leaf(); GradMode.set_enabled(false); Tensor v = x.select(0, 0); GradMode.set_enabled(true);
                p("3b v rg " + v.requires_grad() + " leaf " + v.is_leaf()); v.mul_(new Scalar(3.0)); });
            GradMode.set_enabled(true);
            run("3c nograd view; base modified nograd; grad_fn", () -> { Tensor x = leaf(); GradMode.set_enabled(false); Tensor v = x.select(0, 0); x.add_(new Scalar(1.0)); GradMode.set_enabled(true);
                p("3c v fn " + name(v) + " rg " + v.requires_grad()); });
            GradMode.set_enabled(true);
            run("3d nograd view of nonleaf; base modified grad; grad_fn", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); GradMode.set_enabled(false); Tensor v = y.select(0, 0); GradMode.set_enabled(true);
                y.mul_(new Scalar(2.0)); p("3d y " + name(y)); p("3d v fn " + name(v)); });
            GradMode.set_enabled(true);
            run("3e nograd view of nonleaf; view of it modified", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); GradMode.set_enabled(false); Tensor v = y.narrow(0, 0, 2); GradMode.set_enabled(true);
                Tensor w = v.select(0, 0); p("3e w fn " + name(w) + " rg " + w.requires_grad()); w.mul_(new Scalar(2.0)); });
            GradMode.set_enabled(true);
            run("4 unbind", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); TensorVector u = y.unbind(0); u.get(0).mul_(new Scalar(3.0)); });
            run("4b split", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); TensorVector u = y.split(2, 0); u.get(1).mul_(new Scalar(3.0)); });
            run("4c unbind then base modified, view grad_fn", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); TensorVector u = y.unbind(0); y.mul_(new Scalar(3.0)); p("4c y " + name(y)); p("4c u0 " + name(u.get(0))); });
            run("4d view of unbind output modified", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)).view(3, 1); TensorVector u = y.unbind(0); Tensor w = u.get(0).view(1); p("4d w " + name(w)); w.mul_(new Scalar(3.0)); });
            run("5 expand", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)).select(0,0); Tensor e = y.expand(3); e.mul_(new Scalar(3.0)); });
            run("6 base inplace then view", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); Tensor v = y.narrow(0, 1, 2); y.mul_(new Scalar(3.0));
                p("6 y " + name(y) + " v " + name(v)); v.sum().backward(); p("6 x.grad " + vals(x.grad())); });
            run("7 nested", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); Tensor v = y.narrow(0, 1, 2); Tensor w = v.select(0, 0); w.mul_(new Scalar(5.0));
                p("7 y " + name(y) + " v " + name(v) + " w " + name(w)); v.sum().backward(); p("7 x.grad " + vals(x.grad())); });
            run("8 copy into no-grad base", () -> { Tensor x = leaf(); Tensor y = torch.zeros(5); Tensor v = y.narrow(0, 1, 3); v.copy_(x.mul(new Scalar(2.0)));
                p("8 y " + name(y) + " rg " + y.requires_grad() + " v " + name(v)); y.mul(y).sum().backward(); p("8 x.grad " + vals(x.grad())); });
            run("9 leaf view ok under nograd", () -> { Tensor x = leaf(); GradMode.set_enabled(false); x.select(0, 0).mul_(new Scalar(3.0)); GradMode.set_enabled(true); p("9 x " + vals(x) + " fn " + name(x)); });
            GradMode.set_enabled(true);
            run("10 view grad_fn before: names", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)).view(3, 1); Tensor t = y.transpose(0, 1); t.mul_(new Scalar(2.0));
                p("10 y " + name(y) + " t " + name(t) + " ver " + t._version()); });
            run("11 diagonal", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)).unsqueeze(0).expand(3, 3).contiguous(); Tensor d = y.diagonal(); d.zero_(); p("11 y " + name(y) + " d " + name(d));
                y.sum().backward(); p("11 x.grad " + vals(x.grad())); });
            run("12 double backward", () -> { Tensor x = leaf(); Tensor y = x.mul(x); Tensor v = y.narrow(0, 0, 2); v.mul_(x.narrow(0, 1, 2));
                TensorVector g = torch.grad(new TensorVector(y.sum()), new TensorVector(x), new TensorVector(), new BoolOptional(true), true, false);
                p("12 g " + vals(g.get(0)) + " fn " + name(g.get(0))); g.get(0).sum().backward(); p("12 x.grad " + vals(x.grad())); });
            run("13 twice", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); Tensor v = y.narrow(0, 0, 2); v.mul_(new Scalar(2.0)); y.sum().backward(); y.sum().backward(); });
            run("14 masked_fill", () -> { Tensor x = leaf(); Tensor y = x.mul(new Scalar(2.0)); Tensor v = y.narrow(0, 0, 2); v.masked_fill_(Oracle.toTorch(dev.jtorch.tensor.NDArray.wrapBool(new byte[]{1,0}, 2)), new Scalar(7.0)); p("14 y " + name(y) + " v " + name(v)); y.sum().backward(); p("14 x.grad " + vals(x.grad())); });
            run("15 view rg after base copy", () -> { Tensor y = torch.zeros(3); Tensor v = y.narrow(0, 0, 2); Tensor x = leaf(); y.copy_(x); p("15 v rg " + v.requires_grad() + " fn " + name(v) + " leaf " + v.is_leaf()); });
            run("16 nograd view of rg leaf: rg", () -> { Tensor x = leaf(); GradMode.set_enabled(false); Tensor v = x.narrow(0, 0, 2); GradMode.set_enabled(true); p("16 v rg " + v.requires_grad() + " fn " + name(v)); Tensor z = v.mul(new Scalar(2.0)); p("16 z " + name(z)); });
            GradMode.set_enabled(true);
        }
    }
}
