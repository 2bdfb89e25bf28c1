package dev.jtorch.tensor;

/**
 * Matrix products with PyTorch's semantics, checks and messages ({@code aten/src/ATen/native/
 * LinearAlgebra.cpp}, libtorch 2.10): {@code mm}, {@code bmm}, {@code mv}, {@code dot},
 * {@code outer}, {@code addmm} and {@code matmul} in all its rank cases. The checks run in
 * PyTorch's order, so a call that is wrong in two ways reports what PyTorch reports. Products
 * run on {@link BatchedGemm}; operands keep their strides (no transposed copies).
 */
final class LinAlg {
    private LinAlg() {}

    /** {@code torch.mm(self, mat2)}. */
    static NDArray mm(NDArray self, NDArray mat2) {
        checkMm(self, mat2);
        NDArray out = NDArray.empty(self.dtype(), self.sizeAt(0), mat2.sizeAt(1));
        BatchedGemm.mm(self, mat2, out, 1, 0);
        return out;
    }

    private static void checkMm(NDArray self, NDArray mat2) {
        if (self.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (mat2.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        checkShapes(self, mat2);
        if (self.dtype() != mat2.dtype()) {
            throw new IllegalArgumentException("expected m1 and m2 to have the same dtype, but got: "
                    + cppName(self.dtype()) + " != " + cppName(mat2.dtype()));
        }
        checkNotBool(self.dtype(), "addmm_impl_cpu_");
    }

    private static void checkShapes(NDArray mat1, NDArray mat2) {
        if (mat1.sizeAt(1) != mat2.sizeAt(0)) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + mat1.sizeAt(0) + "x"
                    + mat1.sizeAt(1) + " and " + mat2.sizeAt(0) + "x" + mat2.sizeAt(1) + ")");
        }
    }

    /** {@code torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * input + alpha * mat1 @ mat2}. */
    static NDArray addmm(NDArray input, NDArray mat1, NDArray mat2, double beta, double alpha) {
        if (input.dtype() != mat2.dtype()) {
            throw new IllegalArgumentException("self and mat2 must have the same dtype, but got "
                    + input.dtype().scalarTypeName() + " and " + mat2.dtype().scalarTypeName());
        }
        if (mat1.dtype() != mat2.dtype()) {
            throw new IllegalArgumentException("mat1 and mat2 must have the same dtype, but got "
                    + mat1.dtype().scalarTypeName() + " and " + mat2.dtype().scalarTypeName());
        }
        if (mat1.dim() != 2) {
            throw new IllegalArgumentException("mat1 must be a matrix, got " + mat1.dim() + "-D tensor");
        }
        if (mat2.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix, got " + mat2.dim() + "-D tensor");
        }
        checkShapes(mat1, mat2);
        NDArray expanded = input.expand(mat1.sizeAt(0), mat2.sizeAt(1));
        checkNotBool(input.dtype(), "addmm_impl_cpu_");
        NDArray out = NDArray.empty(input.dtype(), mat1.sizeAt(0), mat2.sizeAt(1));
        // beta == 0 ignores input entirely (NaN and inf in it do not propagate), as documented by PyTorch
        boolean useInput = input.dtype() == DType.INT64 ? (long) beta != 0 : beta != 0;
        if (useInput) {
            out.copy_(expanded);
        }
        BatchedGemm.mm(mat1, mat2, out, alpha, useInput ? beta : 0);
        return out;
    }

    /** {@code torch.bmm(self, mat2)}. */
    static NDArray bmm(NDArray self, NDArray mat2) {
        if (self.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (mat2.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        int batch = self.sizeAt(0);
        NDArray out = checkedBmmOutput(batch, self.sizeAt(1), self.sizeAt(2), mat2.sizeAt(0), mat2.sizeAt(1),
                mat2.sizeAt(2), self.dtype(), mat2.dtype());
        int[] shape = {batch};
        BatchedGemm.batch(out, self.sizeAt(1), mat2.sizeAt(2), self.sizeAt(2),
                self, BatchedGemm.batchOffsets(self, shape), self.strideAt(1), self.strideAt(2),
                mat2, BatchedGemm.batchOffsets(mat2, shape), mat2.strideAt(1), mat2.strideAt(2));
        return out;
    }

    /** bmm's checks in PyTorch's order, then its {@code [batch, rows, cols]} output. */
    private static NDArray checkedBmmOutput(int batch, int rows, int depth, int batch2, int depth2, int cols,
                                            DType t1, DType t2) {
        if (batch2 != batch || depth2 != depth) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + batch + ", " + depth + "] but got: [" + batch2 + ", " + depth2 + "].");
        }
        checkSameScalarType(t1, t2);
        checkNotBool(t1, "bmm");
        return NDArray.empty(t1, batch, rows, cols);
    }

    /** {@code torch.mv(self, vec)}. */
    static NDArray mv(NDArray self, NDArray vec) {
        if (self.dim() != 2 || vec.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + self.dim() + ", " + vec.dim());
        }
        if (self.sizeAt(1) != vec.sizeAt(0)) {
            throw new IllegalArgumentException("size mismatch, got input (" + self.sizeAt(0) + "), mat ("
                    + self.sizeAt(0) + "x" + self.sizeAt(1) + "), vec (" + vec.sizeAt(0) + ")");
        }
        checkSameScalarType(self.dtype(), vec.dtype());
        checkNotBool(self.dtype(), "addmv_impl_cpu");
        NDArray out = NDArray.empty(self.dtype(), self.sizeAt(0));
        BatchedGemm.mm(self, vec.unsqueeze(1), out.unsqueeze(1), 1, 0);
        return out;
    }

    /** {@code torch.dot(self, other)}: a 0-d tensor. */
    static NDArray dot(NDArray self, NDArray other) {
        if (self.dim() != 1 || other.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + self.dim() + "D and " + other.dim() + "D tensors");
        }
        if (self.dtype() != other.dtype()) {
            throw new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                    + self.dtype().scalarTypeName() + " and " + other.dtype().scalarTypeName());
        }
        int n = self.sizeAt(0);
        if (n != other.sizeAt(0)) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + n + "] and src ["
                    + other.sizeAt(0) + "] to have the same number of elements, but got " + n + " and "
                    + other.sizeAt(0) + " elements respectively");
        }
        checkNotBool(self.dtype(), "dot");
        NDArray out = NDArray.empty(self.dtype());
        BatchedGemm.mm(self.unsqueeze(0), other.unsqueeze(1), out.withLayout(new int[] {1, 1}, new int[] {1, 1}, out.offset()), 1, 0);
        return out;
    }

    /** {@code torch.outer(self, vec2)}: {@code self[i] * vec2[j]}, with mul's type promotion. */
    static NDArray outer(NDArray self, NDArray vec2) {
        if (self.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + self.dim() + "-D");
        }
        if (vec2.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + vec2.dim() + "-D");
        }
        return self.unsqueeze(1).mul(vec2);
    }

    /**
     * {@code torch.matmul(a, b)}: 1-d @ 1-d is {@code dot}, 2-d @ 1-d {@code mv}, 1-d @ 2-d
     * {@code mm} on {@code a} as a row, 2-d @ 2-d {@code mm}; with a higher rank, the larger
     * operand is folded into a matrix when that needs no copy (PyTorch's {@code should_fold}),
     * otherwise the batch dims broadcast and each matrix of the batch is multiplied.
     */
    static NDArray matmul(NDArray a, NDArray b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + da + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            return mm(a.unsqueeze(0), b).squeeze(0);
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        if (shouldFold(a, b)) {
            return folded(a, b);
        }
        return broadcastBatched(a, b);
    }

    /** PyTorch's {@code should_fold} for tensors that do not require grad. */
    private static boolean shouldFold(NDArray a, NDArray b) {
        boolean aLarger = a.dim() >= b.dim();
        NDArray t1 = aLarger ? a : b.transpose(-2, -1);
        int smaller = aLarger ? b.dim() : a.dim();
        if (!(t1.dim() >= 3 && smaller <= 2)) {
            return false;
        }
        if (a.dim() == 2) {
            return false;
        }
        if (t1.numel() == 0) {
            return true;
        }
        for (int i = 0; i < t1.dim() - 2; i++) {
            if (t1.strideAt(i) != t1.strideAt(i + 1) * t1.sizeAt(i + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The larger operand (transposed when it is {@code b}) folded to a matrix, then {@code mm} or {@code mv}. */
    private static NDArray folded(NDArray a, NDArray b) {
        boolean transpose = b.dim() > a.dim();
        NDArray t1 = transpose ? b.transpose(-2, -1) : a;
        NDArray t2 = transpose ? (a.dim() == 2 ? a.t() : a) : b;
        int[] s1 = t1.sizes();
        int[] outShape = java.util.Arrays.copyOf(s1, s1.length - 1 + (t2.dim() == 2 ? 1 : 0));
        int rows = Shapes.numel(java.util.Arrays.copyOf(s1, s1.length - 1));
        NDArray t1Folded = t1.reshape(rows, s1[s1.length - 1]);
        if (t2.dim() == 2) {
            outShape[outShape.length - 1] = t2.sizeAt(1);
            NDArray out = mm(t1Folded, t2).view(outShape);
            return transpose ? out.transpose(-2, -1).contiguous() : out;
        }
        return mv(t1Folded, t2).view(outShape);
    }

    /** The bmm path: broadcast the batch dims, multiply each matrix pair in place of PyTorch's expand + bmm. */
    private static NDArray broadcastBatched(NDArray a, NDArray b) {
        int da = a.dim();
        int db = b.dim();
        int n = da > 1 ? a.sizeAt(da - 2) : 1;
        int m1 = a.sizeAt(da - 1);
        int m2 = db > 1 ? b.sizeAt(db - 2) : b.sizeAt(0);
        int p = db > 1 ? b.sizeAt(db - 1) : 1;
        int[] batchA = java.util.Arrays.copyOf(a.sizes(), Math.max(da - 2, 0));
        int[] batchB = java.util.Arrays.copyOf(b.sizes(), Math.max(db - 2, 0));
        int[] batchShape = Shapes.broadcast(batchA, batchB);
        int batch = Shapes.numel(batchShape);
        NDArray out = checkedBmmOutput(batch, n, m1, batch, m2, p, a.dtype(), b.dtype());
        // a 1-d operand is a single row (a) or column (b), shared by every batch entry
        NDArray a2 = da == 1 ? a.unsqueeze(0) : a;
        NDArray b2 = db == 1 ? b.unsqueeze(1) : b;
        int r = a2.dim();
        int q = b2.dim();
        BatchedGemm.batch(out, n, p, m1, a2, BatchedGemm.batchOffsets(a2, batchShape), a2.strideAt(r - 2), a2.strideAt(r - 1),
                b2, BatchedGemm.batchOffsets(b2, batchShape), b2.strideAt(q - 2), b2.strideAt(q - 1));
        int[] shape = java.util.Arrays.copyOf(batchShape, batchShape.length + (da > 1 ? 1 : 0) + (db > 1 ? 1 : 0));
        int at = batchShape.length;
        if (da > 1) {
            shape[at++] = n;
        }
        if (db > 1) {
            shape[at] = p;
        }
        return out.view(shape);
    }

    private static void checkSameScalarType(DType expected, DType found) {
        if (expected != found) {
            throw new IllegalArgumentException("expected scalar type " + expected.scalarTypeName()
                    + " but found " + found.scalarTypeName());
        }
    }

    private static void checkNotBool(DType t, String kernel) {
        if (t == DType.BOOL) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for 'Bool'");
        }
    }

    /** The C++ type name c10 prints for a dtype in mm's dtype message ({@code caffe2::TypeMeta::name}). */
    private static String cppName(DType t) {
        switch (t) {
            case FLOAT32: return "float";
            case FLOAT64: return "double";
            case INT64: return "long int";
            default: return "bool";
        }
    }
}
