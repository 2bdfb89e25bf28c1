/**
 * Benchmarks of jtorch, alone (JMH, {@link dev.jtorch.bench.JmhMain}) and side by side with libtorch 2.10
 * ({@link dev.jtorch.bench.SideBySide}, which writes BENCHMARKS.md). Both run the workloads of
 * {@link dev.jtorch.bench.Workloads}.
 *
 * <p>Adding a workload: write a {@link dev.jtorch.bench.Workload} (inputs, work per op, target, and one
 * factory per framework) in a family class such as {@code ElementwiseWorkloads}; a new family is one
 * small class with a static {@code all()} and one line in {@link dev.jtorch.bench.Workloads#all()}.
 * For example matmul, once {@code NDArray.matmul} exists:
 *
 * <pre>{@code
 * for (int n : new int[] {64, 256, 512, 1024, 2048}) {
 *     w.add(Workload.named("matmul " + n + " float32").input(n, n).input(n, n)
 *             .work(Work.flops(2.0 * n * n * n)).target(n >= 1024 ? 0.75 : 0.9)
 *             .jtorch(in -> () -> in.get(0).matmul(in.get(1)))
 *             .libtorch(in -> () -> torch.matmul(in.get(0), in.get(1)))
 *             .build());
 * }
 * }</pre>
 *
 * Nothing else in jtorch depends on this module: it is the only place besides the conformance tests
 * that links libtorch.
 */
package dev.jtorch.bench;
