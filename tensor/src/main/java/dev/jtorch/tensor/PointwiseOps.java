package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.TernaryOp;

/**
 * The optimizer primitives {@code addcmul}, {@code addcdiv} and {@code lerp}, out of place and in
 * place, with PyTorch's numerics: {@code self + (value*t1)*t2} with the add fused,
 * {@code self + (value*t1)/t2}, and lerp's two fused forms chosen by {@code |weight| < 0.5}.
 */
final class PointwiseOps {
    private PointwiseOps() {}

    // ---------------------------------------------------------------- addcmul / addcdiv

    private static DType addcType(TernaryOp op, NDArray self, NDArray t1, NDArray t2) {
        if (op == TernaryOp.ADDCDIV && !t1.dtype().isFloatingPoint() && !t2.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Integer division with addcdiv is no longer supported, and in a future  "
                    + "release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv "
                    + "behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) "
                    + "for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
                    + "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), "
                    + "for all dtypes.");
        }
        DType t = new Promotion().add(self).add(t1).add(t2).result();
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented(op == TernaryOp.ADDCMUL ? "addcmul_cpu_out" : "addcdiv_cpu", t);
        }
        return t;
    }

    /** {@code torch.addcmul(self, t1, t2, value=v)} / {@code addcdiv}; int64 takes {@code (long) value}. */
    static NDArray addc(TernaryOp op, NDArray self, NDArray t1, NDArray t2, double value) {
        DType t = addcType(op, self, t1, t2);
        NDArray a = Elementwise.cast(self, t);
        NDArray b = Elementwise.cast(t1, t);
        NDArray c = Elementwise.cast(t2, t);
        NDArray out = Elementwise.result(t, a, b, c);
        Elementwise.runTernary(op, value, (long) value, out, a, b, c);
        return out;
    }

    static NDArray addc_(TernaryOp op, NDArray self, NDArray t1, NDArray t2, double value) {
        DType t = addcType(op, self, t1, t2);
        Elementwise.checkInPlace(self, t1, t2);
        Elementwise.checkCast(t, self.dtype());
        if (t == self.dtype()) {
            Elementwise.runTernary(op, value, (long) value, self, self, Elementwise.cast(t1, t), Elementwise.cast(t2, t));
        } else {
            self.copy_(addc(op, self, t1, t2, value));
        }
        return self;
    }

    // ---------------------------------------------------------------- lerp

    private static void checkLerp(NDArray self, NDArray end, NDArray weight) {
        if (end.dtype() != self.dtype()) {
            throw new IllegalArgumentException("expected dtype " + Elementwise.typeMetaName(self.dtype())
                    + " for `end` but got dtype " + Elementwise.typeMetaName(end.dtype()));
        }
        if (weight != null && weight.dtype() != self.dtype()) {
            throw new IllegalArgumentException("expected dtype " + Elementwise.typeMetaName(self.dtype())
                    + " for `weight` but got dtype " + Elementwise.typeMetaName(weight.dtype()));
        }
        if (!self.dtype().isFloatingPoint()) {
            throw Elementwise.notImplemented(weight == null ? "lerp_kernel_scalar" : "lerp_kernel_tensor", self.dtype());
        }
    }

    /** {@code torch.lerp(self, end, weight)} with a scalar weight (rounded to the dtype). */
    static NDArray lerp(NDArray self, NDArray end, double weight) {
        checkLerp(self, end, null);
        return Arithmetic.apply(BinaryOp.LERP, weight, 0, self, end, self.dtype());
    }

    static NDArray lerp_(NDArray self, NDArray end, double weight) {
        checkLerp(self, end, null);
        return Arithmetic.applyInPlace(BinaryOp.LERP, weight, 0, self, end, self.dtype());
    }

    /** {@code torch.lerp(self, end, weight)} with a tensor weight; all three broadcast. */
    static NDArray lerp(NDArray self, NDArray end, NDArray weight) {
        checkLerp(self, end, weight);
        NDArray out = Elementwise.result(self.dtype(), self, end, weight);
        Elementwise.runTernary(TernaryOp.LERP, 0, 0, out, self, end, weight);
        return out;
    }

    static NDArray lerp_(NDArray self, NDArray end, NDArray weight) {
        checkLerp(self, end, weight);
        Elementwise.checkInPlace(self, end, weight);
        Elementwise.runTernary(TernaryOp.LERP, 0, 0, self, self, end, weight);
        return self;
    }
}
