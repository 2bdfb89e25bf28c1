package dev.jtorch.conformance;

import static dev.jtorch.conformance.IndexingInputs.torchOf;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Invalid arguments to every indexing/joining op, run through libtorch and jtorch: libtorch must
 * raise (else the case is wrong) and jtorch must raise the same message, word for word.
 */
class IndexingErrorsConformanceTest {
    private static NDArray f(int... shape) {
        return NDArray.zeros(shape);
    }

    private static NDArray l(long... v) {
        return NDArray.fromArray(v);
    }

    private static NDArray b(boolean... v) {
        return NDArray.fromArray(v);
    }

    /** Runs {@code op} on both sides with the same inputs converted for libtorch. */
    private static void same(String what, Supplier<?> torchOp, Supplier<?> jtorchOp) {
        try (PointerScope scope = new PointerScope()) {
            String message;
            try {
                torchOp.get();
                throw new AssertionError(what + ": libtorch did not raise; the test case is wrong");
            } catch (RuntimeException e) {
                message = IndexingInputs.torchMessage(e);
            }
            IndexingInputs.expectSameError(message, jtorchOp, what);
        }
    }

    private static Tensor t(NDArray a) {
        return torchOf(a);
    }

    @Test
    void indexSelectGatherScatter() {
        Oracle.require();
        NDArray x = f(3, 4);
        same("index_select 2-d index", () -> torch.index_select(t(x), 0, t(l(0, 1).view(1, 2))), () -> x.indexSelect(0, l(0, 1).view(1, 2)));
        same("index_select float index", () -> torch.index_select(t(x), 0, t(f(2))), () -> x.indexSelect(0, f(2)));
        same("index_select out of range", () -> torch.index_select(t(x), 0, t(l(0, 3))), () -> x.indexSelect(0, l(0, 3)));
        same("index_select negative", () -> torch.index_select(t(x), 1, t(l(-1))), () -> x.indexSelect(1, l(-1)));
        same("index_select 0-d self", () -> torch.index_select(t(f()), 0, t(l(0, 0))), () -> f().indexSelect(0, l(0, 0)));
        same("index_select empty dim of empty self", () -> torch.index_select(t(f(0, 3)), 0, t(l(0, 1))), () -> f(0, 3).indexSelect(0, l(0, 1)));
        same("index_select empty self", () -> torch.index_select(t(f(3, 0)), 0, t(l(0, 5))), () -> f(3, 0).indexSelect(0, l(0, 5)));
        same("index_select dim 1 fast path", () -> torch.index_select(t(f(2, 3, 4)), 1, t(l(3))), () -> f(2, 3, 4).indexSelect(1, l(3)));
        same("index_select dim", () -> torch.index_select(t(x), 2, t(l(0))), () -> x.indexSelect(2, l(0)));
        same("gather rank", () -> torch.gather(t(x), 0, t(l(0, 1))), () -> x.gather(0, l(0, 1)));
        same("gather size", () -> torch.gather(t(x), 0, t(l(0, 1, 0, 0, 0).view(1, 5))), () -> x.gather(0, l(0, 1, 0, 0, 0).view(1, 5)));
        same("gather bounds", () -> torch.gather(t(x), 0, t(l(5, 1).view(1, 2))), () -> x.gather(0, l(5, 1).view(1, 2)));
        same("gather negative", () -> torch.gather(t(x), 1, t(l(-1, 1).view(1, 2))), () -> x.gather(1, l(-1, 1).view(1, 2)));
        same("gather bool index", () -> torch.gather(t(x), 0, t(b(true).view(1, 1))), () -> x.gather(0, b(true).view(1, 1)));
        NDArray src = f(3, 4);
        NDArray i12 = l(0, 1).view(1, 2);
        same("scatter dtype", () -> torch.scatter(t(x), 0, t(i12), t(src.to(DType.FLOAT64))), () -> x.scatter(0, i12, src.to(DType.FLOAT64)));
        same("scatter index dtype", () -> torch.scatter(t(x), 0, t(f(1, 2)), t(src)), () -> x.scatter(0, f(1, 2), src));
        same("scatter rank vs self", () -> torch.scatter(t(x), 0, t(l(0, 1)), t(src)), () -> x.scatter(0, l(0, 1), src));
        same("scatter rank vs src (PyTorch sizes src first)", () -> torch.scatter(t(x), 0, t(i12), t(f(6))), () -> x.scatter(0, i12, f(6)));
        same("scatter src rank higher", () -> torch.scatter(t(x), 0, t(i12), t(f(3, 4, 1))), () -> x.scatter(0, i12, f(3, 4, 1)));
        same("scatter larger than self", () -> torch.scatter(t(x), 0, t(l(0, 1, 0, 0, 0).view(1, 5)), t(f(3, 5))),
                () -> x.scatter(0, l(0, 1, 0, 0, 0).view(1, 5), f(3, 5)));
        same("scatter larger than src", () -> torch.scatter(t(x), 0, t(l(0, 1, 0, 0).view(2, 2)), t(f(1, 4))),
                () -> x.scatter(0, l(0, 1, 0, 0).view(2, 2), f(1, 4)));
        same("scatter bounds", () -> torch.scatter(t(x), 0, t(l(3, 1).view(1, 2)), t(src)), () -> x.scatter(0, l(3, 1).view(1, 2), src));
        same("scatter value bounds", () -> torch.scatter(t(x), 1, t(l(4, 1).view(1, 2)), new Scalar(1.5)), () -> x.scatter(1, l(4, 1).view(1, 2), 1.5));
        same("scatter value larger than self", () -> torch.scatter(t(x), 1, t(l(0, 0, 0, 0).view(4, 1)), new Scalar(1.5)),
                () -> x.scatter(1, l(0, 0, 0, 0).view(4, 1), 1.5));
        same("scatter_add dtype", () -> torch.scatter_add(t(x), 0, t(i12), t(l(1, 2).view(1, 2))), () -> x.scatterAdd(0, i12, l(1, 2).view(1, 2)));
        same("scatter_add bounds", () -> torch.scatter_add(t(x), 0, t(l(-1, 1).view(1, 2)), t(src)), () -> x.scatterAdd(0, l(-1, 1).view(1, 2), src));
    }

    @Test
    void indexAddCopyFillTakeMasks() {
        Oracle.require();
        NDArray x = f(3, 4);
        same("index_add 2-d index", () -> torch.index_add(t(x), 0, t(l(0, 1).view(1, 2)), t(f(2, 4))), () -> x.indexAdd(0, l(0, 1).view(1, 2), f(2, 4)));
        same("index_add float index", () -> torch.index_add(t(x), 0, t(f(2)), t(f(2, 4))), () -> x.indexAdd(0, f(2), f(2, 4)));
        same("index_add dtype", () -> torch.index_add(t(x), 0, t(l(0, 1)), t(f(2, 4).to(DType.FLOAT64))), () -> x.indexAdd(0, l(0, 1), f(2, 4).to(DType.FLOAT64)));
        same("index_add source dim", () -> torch.index_add(t(x), 1, t(l(0, 1)), t(f(2))), () -> x.indexAdd(1, l(0, 1), f(2)));
        same("index_add count", () -> torch.index_add(t(x), 0, t(l(0, 1)), t(f(3, 4))), () -> x.indexAdd(0, l(0, 1), f(3, 4)));
        same("index_add shape", () -> torch.index_add(t(x), 0, t(l(0, 1)), t(f(2, 5))), () -> x.indexAdd(0, l(0, 1), f(2, 5)));
        same("index_add rank", () -> torch.index_add(t(x), 0, t(l(0, 1)), t(f(2, 4, 1))), () -> x.indexAdd(0, l(0, 1), f(2, 4, 1)));
        same("index_add 0-d source", () -> torch.index_add(t(f(4)), 0, t(l(1)), t(f())), () -> f(4).indexAdd(0, l(1), f()));
        same("index_add bounds", () -> torch.index_add(t(x), 0, t(l(0, 3)), t(f(2, 4))), () -> x.indexAdd(0, l(0, 3), f(2, 4)));
        same("index_add negative", () -> torch.index_add(t(x), 1, t(l(-1)), t(f(3, 1))), () -> x.indexAdd(1, l(-1), f(3, 1)));
        same("index_copy 2-d index", () -> torch.index_copy(t(x), 0, t(l(0, 1).view(1, 2)), t(f(2, 4))), () -> x.indexCopy(0, l(0, 1).view(1, 2), f(2, 4)));
        same("index_copy scalar source", () -> torch.index_copy(t(x), 0, t(l(0, 1)), t(f())), () -> x.indexCopy(0, l(0, 1), f()));
        same("index_copy rank", () -> torch.index_copy(t(x), 0, t(l(0, 1)), t(f(2, 4, 1))), () -> x.indexCopy(0, l(0, 1), f(2, 4, 1)));
        same("index_copy float index", () -> torch.index_copy(t(x), 0, t(f(2)), t(f(2, 4))), () -> x.indexCopy(0, f(2), f(2, 4)));
        same("index_copy dtype", () -> torch.index_copy(t(x), 0, t(l(0, 1)), t(f(2, 4).to(DType.INT64))), () -> x.indexCopy(0, l(0, 1), f(2, 4).to(DType.INT64)));
        NDArray y = f(2, 3, 4);
        same("index_copy slice shape", () -> torch.index_copy(t(y), 1, t(l(0, 1)), t(f(2, 2, 5))), () -> y.indexCopy(1, l(0, 1), f(2, 2, 5)));
        same("index_copy count", () -> torch.index_copy(t(x), 0, t(l(0, 1)), t(f(3, 4))), () -> x.indexCopy(0, l(0, 1), f(3, 4)));
        same("index_copy bounds", () -> torch.index_copy(t(x), 0, t(l(0, -1)), t(f(2, 4))), () -> x.indexCopy(0, l(0, -1), f(2, 4)));
        same("index_fill float index", () -> torch.index_fill(t(x), 0, t(f(1)), new Scalar(1.0)), () -> x.indexFill(0, f(1), 1.0));
        same("index_fill 2-d index", () -> torch.index_fill(t(x), 0, t(l(0).view(1, 1)), new Scalar(1.0)), () -> x.indexFill(0, l(0).view(1, 1), 1.0));
        same("index_fill bounds", () -> torch.index_fill(t(x), 1, t(l(-5)), new Scalar(1.0)), () -> x.indexFill(1, l(-5), 1.0));
        same("take float index", () -> torch.take(t(x), t(f(2))), () -> x.take(f(2)));
        same("take bounds", () -> torch.take(t(x), t(l(12))), () -> x.take(l(12)));
        same("take negative bounds", () -> torch.take(t(x), t(l(-13))), () -> x.take(l(-13)));
        same("take from empty", () -> torch.take(t(f(0)), t(l(0))), () -> f(0).take(l(0)));
        same("masked_select float mask", () -> torch.masked_select(t(x), t(f(3, 4))), () -> x.maskedSelect(f(3, 4)));
        same("masked_select broadcast", () -> torch.masked_select(t(x), t(b(true, false, true, false, true).view(1, 5))),
                () -> x.maskedSelect(b(true, false, true, false, true).view(1, 5)));
        same("one_hot float", () -> torch.one_hot(t(f(3)), -1), () -> f(3).oneHot(-1));
        same("one_hot negative", () -> torch.one_hot(t(l(1, -1)), 3), () -> l(1, -1).oneHot(3));
        same("one_hot too small", () -> torch.one_hot(t(l(1, 3)), 3), () -> l(1, 3).oneHot(3));
        same("one_hot -2", () -> torch.one_hot(t(l(1)), -2), () -> l(1).oneHot(-2));
        same("one_hot empty", () -> torch.one_hot(t(NDArray.zeros(DType.INT64, 0)), -1), () -> NDArray.zeros(DType.INT64, 0).oneHot(-1));
    }

    private static TensorVector tv(NDArray... a) {
        return IndexingInputs.torchList(List.of(a));
    }

    @Test
    void joiningAndRearranging() {
        Oracle.require();
        same("cat empty", () -> torch.cat(new TensorVector(), 0), () -> NDArray.cat(List.of(), 0));
        same("cat sizes", () -> torch.cat(tv(f(2, 3), f(3, 4)), 1), () -> NDArray.cat(List.of(f(2, 3), f(3, 4)), 1));
        same("cat sizes after skip", () -> torch.cat(tv(f(0), f(2, 3), f(3, 4)), 1), () -> NDArray.cat(List.of(f(0), f(2, 3), f(3, 4)), 1));
        same("cat ranks", () -> torch.cat(tv(f(2, 3), f(2, 3, 1)), 0), () -> NDArray.cat(List.of(f(2, 3), f(2, 3, 1)), 0));
        same("cat 0-d", () -> torch.cat(tv(f(2), f()), 0), () -> NDArray.cat(List.of(f(2), f()), 0));
        same("cat 0-d before dim check", () -> torch.cat(tv(f(), f()), 5), () -> NDArray.cat(List.of(f(), f()), 5));
        same("cat dim", () -> torch.cat(tv(f(0), f(2, 3)), 5), () -> NDArray.cat(List.of(f(0), f(2, 3)), 5));
        same("cat [2, 0]", () -> torch.cat(tv(f(2, 0), f(2, 3)), 0), () -> NDArray.cat(List.of(f(2, 0), f(2, 3)), 0));
        same("stack empty", () -> torch.stack(new TensorVector(), 0), () -> NDArray.stack(List.of(), 0));
        same("stack sizes", () -> torch.stack(tv(f(2, 3), f(2, 3), f(3)), 0), () -> NDArray.stack(List.of(f(2, 3), f(2, 3), f(3)), 0));
        same("stack dim", () -> torch.stack(tv(f(2, 3), f(2)), 5), () -> NDArray.stack(List.of(f(2, 3), f(2)), 5));
        same("split 0-d", () -> torch.split(t(f()), 1, 0), () -> f().split(1, 0));
        same("split negative", () -> torch.split(t(f(5)), -1, 0), () -> f(5).split(-1, 0));
        same("split 0", () -> torch.split(t(f(5)), 0, 0), () -> f(5).split(0, 0));
        same("split dim", () -> torch.split(t(f(2, 3)), 1, 2), () -> f(2, 3).split(1, 2));
        same("split_with_sizes sum", () -> torch.split_with_sizes(t(f(2, 5)), new long[] {2, 2}, -1), () -> f(2, 5).split(new int[] {2, 2}, -1));
        same("split_with_sizes negative", () -> torch.split_with_sizes(t(f(5)), new long[] {6, -1}, 0), () -> f(5).split(new int[] {6, -1}, 0));
        same("chunk 0", () -> torch.chunk(t(f(5)), 0, 0), () -> f(5).chunk(0, 0));
        same("chunk 0-d", () -> torch.chunk(t(f()), 2, 0), () -> f().chunk(2, 0));
        same("unbind 0-d", () -> torch.unbind(t(f()), 0), () -> f().unbind(0));
        same("unbind dim", () -> torch.unbind(t(f(2, 3)), -3), () -> f(2, 3).unbind(-3));
        same("pad odd", () -> torch.pad(t(f(2, 3)), new long[] {1}, "constant", new DoubleOptional(0)), () -> f(2, 3).pad(1));
        same("pad too long", () -> torch.pad(t(f(2, 3)), new long[] {1, 1, 1, 1, 1, 1}, "constant", new DoubleOptional(0)),
                () -> f(2, 3).pad(1, 1, 1, 1, 1, 1));
        same("pad crop left", () -> torch.pad(t(f(2, 3)), new long[] {-4, 2}, "constant", new DoubleOptional(0)), () -> f(2, 3).pad(-4, 2));
        same("pad crop right", () -> torch.pad(t(f(2, 3)), new long[] {1, -5}, "constant", new DoubleOptional(0)), () -> f(2, 3).pad(1, -5));
        same("flip duplicate", () -> torch.flip(t(f(2, 3)), 1, -1), () -> f(2, 3).flip(1, -1));
        same("flip dim", () -> torch.flip(t(f(2, 3)), 2), () -> f(2, 3).flip(2));
        same("roll no shifts", () -> torch.roll(t(f(2, 3)), new long[0], new long[0]), () -> f(2, 3).roll(new int[0], new int[0]));
        same("roll misaligned", () -> torch.roll(t(f(2, 3)), new long[] {1, 2}, 0), () -> f(2, 3).roll(new int[] {1, 2}, new int[] {0}));
        same("roll dim", () -> torch.roll(t(f(2, 3)), new long[] {1}, 2), () -> f(2, 3).roll(1, 2));
        same("repeat rank", () -> t(f(2, 3)).repeat(2), () -> f(2, 3).repeat(2));
        same("repeat negative", () -> t(f(2, 3)).repeat(-1, 3), () -> f(2, 3).repeat(-1, 3));
        same("tril 1-d", () -> torch.tril(t(f(3)), 0), () -> f(3).tril(0));
        same("triu_ 1-d", () -> t(f(3)).triu_(0), () -> f(3).triu_(0));
        same("diag 3-d", () -> torch.diag(t(f(2, 3, 4)), 0), () -> f(2, 3, 4).diag(0));
        same("diag 0-d", () -> torch.diag(t(f()), 0), () -> f().diag(0));
        same("diagonal same dims", () -> torch.diagonal(t(f(2, 3)), 0, -1, 1), () -> f(2, 3).diagonal(0, -1, 1));
        same("diagonal 0-d", () -> torch.diagonal(t(f()), 0, 0, 1), () -> f().diagonal(0, 0, 1));
    }
}
