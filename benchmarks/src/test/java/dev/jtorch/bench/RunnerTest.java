package dev.jtorch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's options, environment check, registry and atomic write (no libtorch, no timing). */
class RunnerTest {
    @Test
    void ompWaitPolicyMustBePassive() {
        assertEquals(Relaunch.Decision.RELAUNCH, Relaunch.decide(null));
        assertEquals(Relaunch.Decision.RELAUNCH, Relaunch.decide(""));
        assertEquals(Relaunch.Decision.PROCEED, Relaunch.decide("PASSIVE"));
        assertEquals(Relaunch.Decision.PROCEED, Relaunch.decide("passive"));
        assertEquals(Relaunch.Decision.REFUSE, Relaunch.decide("ACTIVE"));
        assertTrue(Relaunch.refusal("ACTIVE").startsWith("OMP_WAIT_POLICY is set to 'ACTIVE'; libtorch must run with "
                + "OMP_WAIT_POLICY=PASSIVE"));
    }

    @Test
    void parsesOptionsOverDefaults() {
        Map<String, String> opt = SideBySide.parse(new String[] {"--rounds=3", "--only=add 1K", "--command=mvn x"});
        assertEquals("3", opt.get("rounds"));
        assertEquals("add 1K", opt.get("only"));
        assertEquals("150", opt.get("round-ms"));
        assertEquals("mvn x '-Dbench.only=add 1K'", SideBySide.command(opt, new String[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SideBySide.parse(new String[] {"--round=3"}));
        assertTrue(e.getMessage().startsWith("unknown argument '--round=3'"), e.getMessage());
    }

    @Test
    void selectsWorkloadsByRegex() {
        List<Workload> all = Workloads.all();
        assertEquals(all, SideBySide.select(all, ""));
        List<Workload> exp = SideBySide.select(all, "^exp ");
        assertEquals(List.of("exp 1K float32", "exp 64K float32", "exp 1M float32"),
                exp.stream().map(Workload::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SideBySide.select(all, "nothing"));
        assertTrue(e.getMessage().startsWith("--only=nothing matches no workload"), e.getMessage());
    }

    @Test
    void threadListReadsAsEnglish() {
        assertEquals("1 and 2 threads", SideBySide.threadList(new int[] {1, 2}));
        assertEquals("1, 2 and 4 threads", SideBySide.threadList(new int[] {1, 2, 4}));
        assertEquals("1 thread", SideBySide.threadList(new int[] {1}));
    }

    @Test
    void registryHasIssue3sCasesAndTargets() {
        List<Workload> all = Workloads.all();
        assertEquals(19 + 5 + 6 + 1 + 3 + (EpochWorkloads.dataAvailable() ? 2 : 0), all.size(),
                "elementwise 18 (add, mul, exp, relu, tanh, sigmoid) + overhead 1, matmul 5, sum and softmax 3 each, conv2d 1, training steps 3, epochs 2 "
                        + "(when Fashion-MNIST is installed)");
        assertEquals(1.5, Workloads.byName("conv2d fwd+bwd (64,32,13,13) x 64 3x3").target().getAsDouble());
        assertEquals(0.75, Workloads.byName("matmul 2048 float32").target().getAsDouble());
        assertEquals(0.9, Workloads.byName("matmul 256 float32").target().getAsDouble());
        assertTrue(Workloads.byName("matmul 64 float32").target().isEmpty());
        assertEquals(2.0 * 512 * 512 * 512, Workloads.byName("matmul 512 float32").work().amount());
        assertEquals(3.0, Workloads.byName("softmax 1K float32").target().getAsDouble());
        assertEquals(1.0, Workloads.byName("sum 1M float32").target().getAsDouble());
        for (String op : List.of("add", "mul", "exp", "relu")) {
            assertEquals(3.0, Workloads.byName(op + " 1K float32").target().getAsDouble());
            assertEquals(1.0, Workloads.byName(op + " 64K float32").target().getAsDouble());
            assertEquals(1.0, Workloads.byName(op + " 1M float32").target().getAsDouble());
        }
        assertEquals(3 * 4.0 * (1 << 20), Workloads.byName("add 1M float32").work().amount());
        assertEquals(2 * 4.0 * (1 << 16), Workloads.byName("exp 64K float32").work().amount());
        assertTrue(Workloads.byName("add 3x3 (small-op overhead)").target().isEmpty());
        assertThrows(java.util.NoSuchElementException.class, () -> Workloads.byName("add 2K float32"));
    }

    @Test
    void jmhDefaultParameterIsARegisteredWorkload() throws NoSuchFieldException {
        String[] defaults = JtorchBench.class.getField("workload").getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
        for (String d : defaults) {
            assertEquals(d, Workloads.byName(d).name());
        }
    }

    @Test
    void inputsAreTheSameOnEveryCallAndInRange() {
        Workload w = Workloads.byName("mul 1K float32");
        List<float[]> a = w.inputs();
        List<float[]> b = w.inputs();
        assertEquals(2, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(1024, a.get(i).length);
            assertTrue(java.util.Arrays.equals(a.get(i), b.get(i)));
            for (float v : a.get(i)) {
                assertTrue(v >= -Workload.RANGE && v < Workload.RANGE, "input " + v);
            }
        }
        assertTrue(!java.util.Arrays.equals(a.get(0), a.get(1)), "the two inputs differ");
    }

    @Test
    void scopesHoldAboutFourMegabytesOfInputs() {
        assertEquals(64, Workloads.byName("add 3x3 (small-op overhead)").libtorchScopeEvery());
        assertEquals(64, Workloads.byName("add 1K float32").libtorchScopeEvery());
        assertEquals(16, Workloads.byName("exp 64K float32").libtorchScopeEvery());
        assertEquals(8, Workloads.byName("add 64K float32").libtorchScopeEvery());
        assertEquals(1, Workloads.byName("add 1M float32").libtorchScopeEvery());
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("BENCHMARKS.md");
        Files.writeString(out, "old");
        SideBySide.writeAtomically(out, "new\n");
        assertEquals("new\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }
}
