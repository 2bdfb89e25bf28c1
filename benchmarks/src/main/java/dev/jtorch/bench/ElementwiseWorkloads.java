package dev.jtorch.bench;

import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise float32 ops at 1K, 64K and 1M elements, and the small-op overhead case (3x3 add).
 * Adding an op is one line in {@link #all()}. Issue 3's targets: at least 1.0x at 64K and 1M, at
 * least 3x at 1K (where libtorch's per-call overhead dominates).
 */
final class ElementwiseWorkloads {
    private ElementwiseWorkloads() {}

    static final int[] SIZES = {1 << 10, 1 << 16, 1 << 20};

    static List<Workload> all() {
        List<Workload> w = new ArrayList<>();
        binary(w, "add", NDArray::add, (a, b) -> torch.add(a, b));
        binary(w, "mul", NDArray::mul, (a, b) -> torch.mul(a, b));
        unary(w, "exp", NDArray::exp, a -> torch.exp(a));
        unary(w, "relu", NDArray::relu, a -> torch.relu(a));
        unary(w, "tanh", NDArray::tanh, a -> torch.tanh(a));
        unary(w, "sigmoid", NDArray::sigmoid, a -> torch.sigmoid(a));
        w.add(Workload.named("add 3x3 (small-op overhead)").input(3, 3).input(3, 3).work(Work.calls())
                .jtorch(in -> () -> in.get(0).add(in.get(1)))
                .libtorch(in -> () -> torch.add(in.get(0), in.get(1)))
                .build());
        return w;
    }

    /** {@code op(a, b)} on two inputs of each size; traffic: two reads and one write of n floats. */
    private static void binary(List<Workload> into, String op, BinaryOperator<NDArray> jt, BinaryOperator<Tensor> lt) {
        for (int n : SIZES) {
            into.add(sized(op, n, 3).input(n).input(n)
                    .jtorch(in -> () -> jt.apply(in.get(0), in.get(1)))
                    .libtorch(in -> () -> lt.apply(in.get(0), in.get(1)))
                    .build());
        }
    }

    /** {@code op(a)} on one input of each size; traffic: one read and one write of n floats. */
    private static void unary(List<Workload> into, String op, UnaryOperator<NDArray> jt, UnaryOperator<Tensor> lt) {
        for (int n : SIZES) {
            into.add(sized(op, n, 2).input(n)
                    .jtorch(in -> () -> jt.apply(in.get(0)))
                    .libtorch(in -> () -> lt.apply(in.get(0)))
                    .build());
        }
    }

    private static Workload.Builder sized(String op, int n, int floatsMovedPerElement) {
        return Workload.named(op + " " + sizeLabel(n) + " float32")
                .work(Work.bytes(4.0 * floatsMovedPerElement * n))
                .target(n <= 1024 ? 3.0 : 1.0);
    }

    /** 1024 -> "1K", 65536 -> "64K", 1048576 -> "1M", other sizes as digits. */
    static String sizeLabel(int n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + "M";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + "K";
        }
        return Integer.toString(n);
    }
}
