package dev.jtorch;

import static dev.jtorch.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Autograd semantics of the linear algebra, indexing and joining ops that the numeric suites
 * (gradient properties, libtorch conformance) do not show: which results are views, what is
 * recorded under no-grad, in-place rules, saved index tensors, worked examples.
 */
class LinAlgIndexingOpsTest {
    @Test
    void mmGradientsByHand() {
        Tensor a = tensor(new float[][] {{1, 2}, {3, 4}}, true);
        Tensor b = tensor(new float[][] {{5, 6}, {7, 8}}, true);
        Tensor y = a.mm(b);
        assertEquals("MmBackward0", y.gradFn().name());
        y.backward(Torch.onesLike(y));
        assertArrayEquals(new float[] {11, 15, 11, 15}, a.grad().toFloatArray()); // g @ b^T
        assertArrayEquals(new float[] {4, 4, 6, 6}, b.grad().toFloatArray()); // a^T @ g
    }

    @Test
    void matmulWithoutRecordingIsTheArrayProductAndHasNoHistory() {
        Tensor a = new Tensor(NDArray.arange(0, 24, 1, DType.FLOAT32).view(2, 3, 4));
        Tensor b = new Tensor(NDArray.arange(0, 8, 1, DType.FLOAT32).view(4, 2));
        Tensor y = a.matmul(b);
        assertNull(y.gradFn());
        assertArrayEquals(a.array().matmul(b.array()).toFloatArray(), y.toFloatArray());
        Tensor w = b.detach().clone().requiresGrad_(true);
        try (var g = Torch.noGrad()) {
            assertNull(a.matmul(w).gradFn());
        }
        Tensor recorded = a.matmul(w);
        assertEquals("UnsafeViewBackward0", recorded.gradFn().name());
        assertArrayEquals(y.toFloatArray(), recorded.toFloatArray());
        assertNull(recorded.base(), "_unsafe_view's result is not a view");
    }

    @Test
    void splitOutputsAreViewsSharingTheVersionCounter() {
        Tensor x = tensor(new float[] {1, 2, 3, 4, 5}, true).mul(1.0);
        List<Tensor> parts = x.split(2);
        assertEquals(3, parts.size());
        for (Tensor p : parts) {
            assertEquals("SplitBackward0", p.gradFn().name());
            assertSame(x, p.base());
        }
        int before = parts.get(0).version();
        x.mul_(2.0);
        assertEquals(before + 1, parts.get(2).version());
        assertEquals("SplitWithSizesBackward0", x.split(new int[] {1, 4}, 0).get(1).gradFn().name());
        assertEquals("UnbindBackward0", x.unbind().get(0).gradFn().name());
    }

    @Test
    void splitBackwardTreatsMissingOutputGradientsAsZeros() {
        Tensor x = tensor(new float[] {1, 2, 3, 4, 5}, true);
        List<Tensor> parts = x.split(2);
        parts.get(1).backward(tensor(new float[] {10, 20}));
        assertArrayEquals(new float[] {0, 0, 10, 20, 0}, x.grad().toFloatArray());
    }

    @Test
    void inPlaceIndexingOnALeafThatRequiresGradIsRefusedBeforeWriting() {
        Tensor x = tensor(new float[] {1, 2, 3}, true);
        Tensor idx = tensor(new long[] {0});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.indexFill_(0, idx, 9));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        assertArrayEquals(new float[] {1, 2, 3}, x.toFloatArray());
        Tensor y = x.clone();
        y.scatter_(0, idx, 7.0);
        assertEquals("ScatterBackward1", y.gradFn().name());
        assertEquals(1, y.version());
        y.backward(tensor(new float[] {1, 1, 1}));
        assertArrayEquals(new float[] {0, 1, 1}, x.grad().toFloatArray());
    }

    @Test
    void indexSourceGetsItsGradientThroughAnInPlaceOpOnAConstant() {
        Tensor src = tensor(new float[] {5, 6}, true);
        Tensor out = Torch.zeros(4).indexAdd_(0, tensor(new long[] {3, 3}), src, 2.0);
        assertEquals("IndexAddBackward0", out.gradFn().name());
        assertArrayEquals(new float[] {0, 0, 0, 22}, out.toFloatArray());
        out.backward(tensor(new float[] {1, 2, 3, 4}));
        assertArrayEquals(new float[] {8, 8}, src.grad().toFloatArray());
    }

    @Test
    void modifyingASavedIndexBeforeBackwardRaisesPyTorchsError() {
        Tensor x = tensor(new float[] {1, 2, 3}, true);
        Tensor idx = tensor(new long[] {2, 0});
        Tensor y = x.gather(0, idx);
        idx.array().fill_(1);
        idx.bumpVersion();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.backward(tensor(new float[] {1, 1})));
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified "
                + "by an inplace operation: [torch.LongTensor [2]] is at version 1; expected version 0 instead."),
                e.getMessage());
    }

    @Test
    void catOfMixedDtypesCastsEachGradientBack() {
        Tensor a = tensor(new float[] {1, 2}, true);
        Tensor b = tensor(new double[] {3}, DType.FLOAT64).requiresGrad_(true);
        Tensor y = Torch.cat(List.of(a, b));
        assertEquals(DType.FLOAT64, y.dtype());
        y.backward(tensor(new double[] {4, 5, 6}, DType.FLOAT64));
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertArrayEquals(new float[] {4, 5}, a.grad().toFloatArray());
        assertArrayEquals(new double[] {6}, b.grad().toDoubleArray());
    }

    @Test
    void secondDerivativeOfGatherFlowsBackThroughScatterAdd() {
        Tensor x = tensor(new double[] {1, 2, 3}, DType.FLOAT64).requiresGrad_(true);
        Tensor idx = tensor(new long[] {2, 2, 0});
        Tensor v = tensor(new double[] {1, 10, 100}, DType.FLOAT64).requiresGrad_(true);
        Tensor y = x.gather(0, idx);
        Tensor gx = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {v}, true, true, false)[0];
        assertArrayEquals(new double[] {100, 0, 11}, gx.toDoubleArray());
        assertEquals("ScatterAddBackward0", gx.gradFn().name());
        Tensor gv = Autograd.grad(new Tensor[] {gx}, new Tensor[] {v},
                new Tensor[] {tensor(new double[] {1, 2, 3}, DType.FLOAT64)}, false, false, false)[0];
        assertArrayEquals(new double[] {3, 3, 1}, gv.toDoubleArray());
    }

    @Test
    void gradientsOfColumnMajorMatricesKeepTheirLayoutAsInPyTorch() {
        // PyTorch's mm_mat1_backward / mm_mat2_backward: a column-major operand (a weight's .t())
        // gets its gradient as the transpose of a row-major product, so the leaf's grad is contiguous
        Torch.manualSeed(3);
        Tensor x = Torch.randn(5, 4).requiresGrad_();
        Tensor w = Torch.randn(3, 4).requiresGrad_();
        Tensor b = Torch.randn(3).requiresGrad_();
        Tensor g = Torch.randn(5, 3);
        Torch.addmm(b, x, w.t()).backward(g);
        assertTrue(w.grad().isContiguous());
        assertArrayEquals(g.t().mm(x).toFloatArray(), w.grad().toFloatArray(), 1e-5f);
        assertArrayEquals(g.mm(w).toFloatArray(), x.grad().toFloatArray(), 1e-5f);

        Tensor wt = Torch.randn(4, 3).requiresGrad_();
        Tensor xt = Torch.randn(4, 5).requiresGrad_();
        xt.t().mm(wt).backward(g);
        assertTrue(xt.grad().isContiguous());
        assertArrayEquals(wt.mm(g.t()).toFloatArray(), xt.grad().toFloatArray(), 1e-5f);
        assertArrayEquals(xt.mm(g).toFloatArray(), wt.grad().toFloatArray(), 1e-5f);
    }
}
