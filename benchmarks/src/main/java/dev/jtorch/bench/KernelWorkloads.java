package dev.jtorch.bench;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.global.torch;

/**
 * Matmul (float32, square) and the reductions issue 3 names: {@code sum} and {@code softmax}
 * (over the last dim of a {@code [n/1024, 1024]} array) at 1K, 64K and 1M elements. Targets
 * from issue 3: matmul at least 0.75x libtorch at 1024 and 2048, 0.9x at 256 and 512;
 * reductions at least 1.0x at 64K and 1M, 3x at 1K.
 */
final class KernelWorkloads {
    private KernelWorkloads() {}

    static List<Workload> all() {
        List<Workload> w = new ArrayList<>();
        for (int n : new int[] {64, 256, 512, 1024, 2048}) {
            Workload.Builder b = Workload.named("matmul " + n + " float32").input(n, n).input(n, n)
                    .work(Work.flops(2.0 * n * n * n))
                    // float32 dot products of length n with cancellation: rounding of order sqrt(n) * 1e-6
                    .agreementAtol(1e-6 * Math.sqrt(n) * 4)
                    .jtorch(in -> () -> in.get(0).matmul(in.get(1)))
                    .libtorch(in -> () -> torch.matmul(in.get(0), in.get(1)));
            if (n >= 256) {
                b.target(n >= 1024 ? 0.75 : 0.9);
            }
            w.add(b.build());
        }
        for (int n : ElementwiseWorkloads.SIZES) {
            String size = ElementwiseWorkloads.sizeLabel(n);
            w.add(Workload.named("sum " + size + " float32").input(n).work(Work.bytes(4.0 * n))
                    .target(n <= 1024 ? 3.0 : 1.0)
                    .jtorch(in -> () -> in.get(0).sum())
                    .libtorch(in -> () -> torch.sum(in.get(0)))
                    .build());
            int rows = n / 1024;
            w.add(Workload.named("softmax " + size + " float32").input(rows, 1024).work(Work.bytes(8.0 * n))
                    .target(n <= 1024 ? 3.0 : 1.0)
                    .jtorch(in -> () -> in.get(0).softmax(1))
                    .libtorch(in -> () -> torch.softmax(in.get(0), 1))
                    .build());
        }
        return w;
    }
}
