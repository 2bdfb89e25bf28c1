package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.DType;

/**
 * A scalar in the mixed arithmetic of {@code torch/optim/lbfgs.py}: either a Python float or a
 * 0-d tensor (float32 or float64). Python mixes both freely ({@code f + c1 * t * gtd} with
 * {@code f} a float and {@code gtd} a tensor); the result of an operation involving a tensor is a
 * tensor computed in the tensor's dtype (a Python float operand is first cast to it), and
 * comparisons with a tensor also happen in its dtype. Tracking this keeps LBFGS's step lengths
 * and line-search decisions identical to PyTorch's.
 */
final class PyScalar {
    private static final int PY = 0;
    private static final int F32 = 1;
    private static final int F64 = 2;

    final double v;
    private final int kind;

    private PyScalar(double v, int kind) {
        this.v = kind == F32 ? (float) v : v;
        this.kind = kind;
    }

    /** A Python float. */
    static PyScalar py(double v) {
        return new PyScalar(v, PY);
    }

    /** The 0-d tensor {@code t} (its value and dtype). */
    static PyScalar of(Tensor t) {
        return new PyScalar(t.item(), t.dtype() == DType.FLOAT64 ? F64 : F32);
    }

    /** A state value: a 0-d tensor, or a Python number. */
    static PyScalar fromState(Object o) {
        return o instanceof Tensor ? of((Tensor) o) : py(((Number) o).doubleValue());
    }

    /** The value as PyTorch would keep it in the state dict: a 0-d tensor or a Python float. */
    Object toState() {
        if (kind == PY) {
            return v;
        }
        return Torch.tensor(v, kind == F32 ? DType.FLOAT32 : DType.FLOAT64);
    }

    boolean isTensor() {
        return kind != PY;
    }

    private static int kindOf(PyScalar a, PyScalar b) {
        return Math.max(a.kind, b.kind);
    }

    PyScalar add(PyScalar o) {
        int k = kindOf(this, o);
        return new PyScalar(k == F32 ? (float) v + (float) o.v : v + o.v, k);
    }

    PyScalar sub(PyScalar o) {
        int k = kindOf(this, o);
        return new PyScalar(k == F32 ? (float) v - (float) o.v : v - o.v, k);
    }

    PyScalar mul(PyScalar o) {
        int k = kindOf(this, o);
        return new PyScalar(k == F32 ? (float) v * (float) o.v : v * o.v, k);
    }

    PyScalar div(PyScalar o) {
        int k = kindOf(this, o);
        return new PyScalar(k == F32 ? (float) v / (float) o.v : v / o.v, k);
    }

    /** {@code x ** 2} (ATen computes a tensor's square as {@code x * x}). */
    PyScalar square() {
        return mul(this);
    }

    /** {@code tensor.sqrt()} (only tensors have it in lbfgs.py). */
    PyScalar sqrt() {
        return new PyScalar(kind == F32 ? (float) Math.sqrt((float) v) : Math.sqrt(v), kind);
    }

    /** Python's {@code abs(x)}. */
    PyScalar abs() {
        return new PyScalar(Math.abs(v), kind);
    }

    private static int cmp(PyScalar a, PyScalar b) {
        if (kindOf(a, b) == F32) {
            float fa = (float) a.v;
            float fb = (float) b.v;
            return fa == fb ? 0 : (fa < fb ? -1 : 1);
        }
        return a.v == b.v ? 0 : (a.v < b.v ? -1 : 1);
    }

    private static boolean nan(PyScalar a, PyScalar b) {
        return Double.isNaN(a.v) || Double.isNaN(b.v);
    }

    boolean lt(PyScalar o) {
        return !nan(this, o) && cmp(this, o) < 0;
    }

    boolean le(PyScalar o) {
        return !nan(this, o) && cmp(this, o) <= 0;
    }

    boolean gt(PyScalar o) {
        return !nan(this, o) && cmp(this, o) > 0;
    }

    boolean ge(PyScalar o) {
        return !nan(this, o) && cmp(this, o) >= 0;
    }

    /** Python's {@code min(a, b)}: {@code b} only when {@code b < a}. */
    static PyScalar min(PyScalar a, PyScalar b) {
        return b.lt(a) ? b : a;
    }

    /** Python's {@code max(a, b)}: {@code b} only when {@code b > a}. */
    static PyScalar max(PyScalar a, PyScalar b) {
        return b.gt(a) ? b : a;
    }

    @Override
    public String toString() {
        return kind == PY ? Double.toString(v) : "tensor(" + v + ")";
    }
}
