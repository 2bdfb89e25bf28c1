/**
 * jtorch's compute kernels: one interface per family ({@link dev.jtorch.tensor.kernel.ElementwiseKernels},
 * {@link dev.jtorch.tensor.kernel.ReductionKernels}, {@link dev.jtorch.tensor.kernel.GemmKernels}), a scalar
 * reference implementation of each, and a Vector API implementation that extends the reference and takes
 * the fast path for stride-1 rows; {@link dev.jtorch.tensor.kernel.Kernels} picks one set at start-up
 * ({@code -Djtorch.kernels=scalar} forces the references).
 *
 * <h2>Kernel rules</h2>
 * The project's design document gives the general rules (species {@code static final}, vectors never in
 * fields, small hot methods, {@code loopBound} plus a scalar tail, several accumulators). Measurement
 * added these, and every kernel here follows them:
 * <ul>
 *   <li><b>Same bits in every JIT tier.</b> A result may not depend on whether a loop ran interpreted,
 *       in C1 or in C2. So no transcendental {@code VectorOperators} ({@code EXP}, {@code LOG},
 *       {@code TANH}, ...): C2 computes them with SVML, the interpreter and C1 with per-lane
 *       {@code Math} calls, and the two differ in the last bit (measured: 6177 of 20,000 calls of float64
 *       {@code expm1} differed from the first). The transcendental functions are ports of SLEEF, the
 *       library libtorch's CPU kernels call, written with exactly rounded operations only
 *       ({@link dev.jtorch.tensor.kernel.SleefMath} scalar, {@link dev.jtorch.tensor.kernel.VectorSleef} and
 *       its siblings vectorised), which also makes them bit-exact against libtorch. Functions without a
 *       port use the scalar reference.</li>
 *   <li><b>No {@code reduceLanes(ADD)} or {@code reduceLanes(MUL)} on floating-point vectors.</b> Their
 *       association order is unspecified and differs between tiers; {@link dev.jtorch.tensor.kernel.Lanes}
 *       sums lanes in a fixed xor-shuffle tree instead (a plain lane loop ran unintrinsified and slow).</li>
 *   <li><b>Every operator constant is written in the loop that uses it.</b> A {@code VectorOperators}
 *       value passed as a parameter, or chosen by a non-constant switch, is not intrinsified: the Vector
 *       API then runs its Java fallback, hundreds of times slower. One small loop method per operator, called
 *       from a switch, is the pattern. (While a loop method is still interpreted or at tier 3, the JDK's own
 *       generic {@code lanewise} methods get hot and C2 compiles them without a constant; the log then shows
 *       "missing constant" lines that belong to those JDK methods, not to jtorch's compiled loops.)</li>
 *   <li><b>Micro-kernels small enough for C1.</b> A 12 x 32 float32 GEMM tile with 24 accumulators is a
 *       method C1 cannot compile ("out of virtual registers"), after which HotSpot 17 sometimes never reached
 *       C2 for it; the 6 x 32 tile ({@link dev.jtorch.tensor.kernel.FloatMicroKernels}) measured as fast in
 *       cache and goes through the tiers normally on JDK 17 and 25.</li>
 *   <li><b>One vector shape per element type.</b> Every float (and every double, int, long) vector is of
 *       the preferred species, never a fixed 256-bit one beside it. On JDK 17, C2 intrinsifies a Vector API
 *       call only when the type profile of the JDK's shared code ({@code fromArray}, {@code intoArray},
 *       {@code zero}, ...) names one vector class; a second float shape anywhere in the JVM (a 256-bit sum
 *       loop) made those profiles bimorphic, and the GEMM micro-kernel, the softmax and the sum then ran
 *       with boxed vectors after class-check deoptimisations (measured: the CNN step at 105-480 ms of CPU
 *       instead of 63-85 ms). {@link dev.jtorch.tensor.kernel.VectorSum} keeps PyTorch's 8-lane order on
 *       512-bit vectors by holding two accumulators per vector. (Boolean results are byte vectors sized to
 *       the lanes; they are the one exception.)</li>
 *   <li><b>Long vector functions are compiled before callers use them.</b> Before C2 compiles a Vector API
 *       loop, the API runs its Java fallback: microseconds per element, for seconds in the multi-pass
 *       SLEEF functions (tanh, expm1, log1p, log2, log10). {@link dev.jtorch.tensor.kernel.SleefWarmup}
 *       compiles those on a background thread while callers use the scalar port (same bits).</li>
 *   <li><b>Parallel splits keep results reproducible.</b> A split never changes the order in which terms
 *       are added for a given thread count; where it changes it across thread counts (the chunked parallel
 *       sum, a convolution's weight gradient) the class comment says so.</li>
 * </ul>
 */
package dev.jtorch.tensor.kernel;
