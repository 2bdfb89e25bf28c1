package dev.jtorch.conformance;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class ProbeNamesTest {
    static Tensor r(long... s) { return torch.randn(s, new TensorOptions(torch.ScalarType.Double)).set_requires_grad(true); }
    static Tensor c(long... s) { return torch.randn(s, new TensorOptions(torch.ScalarType.Double)); }
    static void p(String what, Tensor t) {
        System.out.println("NAME " + what + " -> " + (t.grad_fn() == null || t.grad_fn().isNull() ? "null" : t.grad_fn().name().getString()) + " shape " + java.util.Arrays.toString(t.sizes().vec().get()));
    }
    static Tensor idx(long... v) { return Oracle.toTorch(dev.jtorch.tensor.NDArray.wrap(v, v.length)); }

    @Test
    void probe() {
        Oracle.require();
        p("1x1", torch.matmul(r(3), r(3)));
        p("2x1", torch.matmul(r(2, 3), r(3)));
        p("1x2", torch.matmul(r(3), r(3, 4)));
        p("2x2", torch.matmul(r(2, 3), r(3, 4)));
        p("3x3", torch.matmul(r(2, 2, 3), r(2, 3, 4)));
        p("3x3 bcast", torch.matmul(r(1, 2, 3), r(2, 3, 4)));
        p("3x2 both grad", torch.matmul(r(2, 2, 3), r(3, 4)));
        p("3x2 t2 nograd", torch.matmul(r(2, 2, 3), c(3, 4)));
        p("3x2 t1 noncontig t2 nograd", torch.matmul(r(2, 2, 3).transpose(0, 1), c(3, 4)));
        p("3x2 t1 noncontig t2 grad", torch.matmul(r(2, 2, 3).transpose(0, 1), r(3, 4)));
        p("3x2 t1 noncontig last t2 nograd", torch.matmul(r(2, 3, 2).transpose(1, 2).transpose(0,1), c(3, 4)));
        p("3x1", torch.matmul(r(2, 2, 3), r(3)));
        p("3x1 t2 nograd", torch.matmul(r(2, 2, 3), c(3)));
        p("3x1 noncontig t2 nograd", torch.matmul(r(2, 2, 3).transpose(0, 1), c(3)));
        p("1x3", torch.matmul(r(3), r(2, 3, 4)));
        p("1x3 t1 nograd", torch.matmul(c(3), r(2, 3, 4)));
        p("1x3 t1 nograd t2 noncontig", torch.matmul(c(3), r(3, 2, 4).transpose(0, 1)));
        p("2x3", torch.matmul(r(2, 3), r(2, 3, 4)));
        p("2x3 t1 nograd", torch.matmul(c(2, 3), r(2, 3, 4)));
        p("2x3 n=1", torch.matmul(r(1, 3), r(2, 3, 4)));
        p("2x3 p=1", torch.matmul(r(2, 3), r(2, 3, 1)));
        p("4x3", torch.matmul(r(2, 1, 2, 3), r(3, 3, 4)));
        p("4x4", torch.matmul(r(2, 3, 2, 3), r(2, 3, 3, 4)));
        p("3x3 empty", torch.matmul(r(0, 2, 3), r(0, 3, 4)));
        p("mm", torch.mm(r(2, 3), r(3, 4)));
        p("bmm", torch.bmm(r(2, 2, 3), r(2, 3, 4)));
        p("mv", torch.mv(r(2, 3), r(3)));
        p("dot", torch.dot(r(3), r(3)));
        p("outer", torch.outer(r(3), r(4)));
        p("addmm", torch.addmm(r(4), r(2, 3), r(3, 4), new Scalar(0.5), new Scalar(2.0)));
        p("addmm nograd input", torch.addmm(c(4), r(2, 3), r(3, 4)));
        p("index_select", torch.index_select(r(4, 3), 0, idx(1, 2)));
        p("gather", torch.gather(r(4, 3), 0, idx(1, 2, 3).view(1, 3)));
        p("scatter src", torch.scatter(r(4, 3), 0, idx(1, 2, 3).view(1, 3), r(1, 3)));
        p("scatter value", torch.scatter(r(4, 3), 0, idx(1, 2, 3).view(1, 3), new Scalar(2.0)));
        p("scatter_add", torch.scatter_add(r(4, 3), 0, idx(1, 2, 3).view(1, 3), r(1, 3)));
        p("index_add", torch.index_add(r(4, 3), 0, idx(1, 2), r(2, 3)));
        p("index_copy", torch.index_copy(r(4, 3), 0, idx(1, 2), r(2, 3)));
        p("index_fill", torch.index_fill(r(4, 3), 0, idx(1, 2), new Scalar(2.0)));
        p("take", torch.take(r(4, 3), idx(1, 2)));
        p("masked_select", torch.masked_select(r(4, 3), torch.gt(c(4, 3), new Scalar(0.0))));
        p("cat", torch.cat(new TensorVector(r(2, 3), r(1, 3)), 0));
        p("cat one", torch.cat(new TensorVector(r(2, 3)), 0));
        p("stack", torch.stack(new TensorVector(r(2, 3), r(2, 3)), 0));
        TensorVector v = torch.split(r(5, 3), 2, 0);
        p("split0", v.get(0)); p("split2", v.get(2));
        v = torch.split(r(5, 3), 5, 0); p("split whole", v.get(0));
        v = torch.split_with_sizes(r(5, 3), new long[] {2, 3}, 0); p("split_with_sizes", v.get(1));
        v = torch.split(r(5, 3), new long[] {2, 3}, 0); p("split list", v.get(1));
        v = torch.chunk(r(5, 3), 2, 0); p("chunk", v.get(1));
        v = torch.chunk(r(6, 3), 2, 0); p("chunk even", v.get(1));
        v = torch.unbind(r(5, 3), 1); p("unbind", v.get(1));
        p("constant_pad_nd", torch.constant_pad_nd(r(4, 3), new long[] {1, 2}, new Scalar(0.0)));
        p("pad", torch.pad(r(4, 3), 1, 2));
        p("pad neg", torch.pad(r(4, 3), -1, 2));
        p("flip", torch.flip(r(4, 3), 0));
        p("roll", torch.roll(r(4, 3), new long[] {1}, 0));
        p("roll flat", torch.roll(r(4, 3), 1));
        p("roll 2", torch.roll(r(4, 3), new long[] {1, 2}, 0, 1));
        p("repeat", r(4, 3).repeat(2, 1));
        p("tril", torch.tril(r(4, 3)));
        p("triu", torch.triu(r(4, 3)));
        p("diag1", torch.diag(r(3)));
        p("diag2", torch.diag(r(3, 4)));
        p("diagonal", torch.diagonal(r(3, 4)));
        p("diagonal 3d", torch.diagonal(r(2, 3, 4), 1, 2, 0));
        p("scatter_", r(4, 3).clone().scatter_(0, idx(1, 2, 3).view(1, 3), r(1, 3)));
        p("scatter_ value", r(4, 3).clone().scatter_(0, idx(1, 2, 3).view(1, 3), new Scalar(1.0)));
        p("scatter_add_", r(4, 3).clone().scatter_add_(0, idx(1, 2, 3).view(1, 3), r(1, 3)));
        p("index_add_", r(4, 3).clone().index_add_(0, idx(1, 2), r(2, 3)));
        p("index_fill_", r(4, 3).clone().index_fill_(0, idx(1, 2), new Scalar(1.0)));
        p("index_copy_", r(4, 3).clone().index_copy_(0, idx(1, 2), r(2, 3)));
        p("squeeze_", r(1, 3).clone().squeeze_(0));
        p("squeeze dim", r(1, 3).squeeze(0));
        p("tril_", r(3, 3).clone().tril_());
        p("nonzero", torch.nonzero(r(3, 3)));
        p("mT", r(2, 3, 4).mT());
                p("contiguous", r(2, 3, 4).transpose(1, 2).contiguous());
    }
}
