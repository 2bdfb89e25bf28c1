package dev.jtorch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The runner's arithmetic and rendering, on made-up samples (no timing here). */
class StatsAndReportTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Stats.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, Stats.median(new double[] {7}));
        assertEquals(2.0, Stats.median(new double[] {9, 2, 2, 1, 2, 100, 0}));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(new double[0]));
    }

    @Test
    void medianDoesNotReorderTheSamples() {
        double[] s = {3, 1, 2};
        Stats.median(s);
        assertEquals(List.of(3.0, 1.0, 2.0), List.of(s[0], s[1], s[2]));
    }

    @Test
    void spreadIsRangeOverMedian() {
        assertEquals(0.0, Stats.spread(new double[] {2, 2, 2}));
        assertEquals(0.5, Stats.spread(new double[] {1.5, 2, 2.5}));
    }

    @Test
    void speedIsLibtorchTimeOverJtorchTime() {
        assertEquals(2.0, Stats.speed(1e-6, 2e-6)); // jtorch twice as fast
        assertEquals(0.5, Stats.speed(4e-6, 2e-6)); // jtorch half as fast
    }

    @Test
    void formatsThreeSignificantDigitsAndTimeUnits() {
        assertEquals("1230", Format.significant(1234.5));
        assertEquals("0.0123", Format.significant(0.012345));
        assertEquals("2", Format.significant(2.0));
        assertEquals("812 ns", Format.time(812e-9));
        assertEquals("12.3 µs", Format.time(12.34e-6));
        assertEquals("1 ms", Format.time(0.999999e-3)); // rounds up into the next decade within the unit
        assertEquals("250 ms", Format.time(0.25));
        assertEquals("3.5 s", Format.time(3.5));
        assertEquals("1.23x", Format.ratio(1.2345));
        assertEquals("7%", Format.percent(0.0712));
    }

    @Test
    void throughputInEachUnit() {
        assertEquals("12 GB/s", Work.bytes(12e3).formatThroughput(1e-6));
        assertEquals("250 GFLOP/s", Work.flops(2.0 * 512 * 512 * 512).formatThroughput(2.0 * 512 * 512 * 512 / 250e9));
        assertEquals("2 Mop/s", Work.calls().formatThroughput(0.5e-6));
        assertThrows(IllegalArgumentException.class, () -> Work.bytes(0));
    }

    @Test
    void libtorchIsJudgedAtItsFasterThreadCount() {
        WorkloadResult r = result("add 64K float32", OptionalDouble.of(1.0), new double[] {10e-6, 11e-6, 9e-6},
                new double[] {20e-6, 21e-6, 19e-6}, new double[] {12e-6, 12e-6, 13e-6});
        assertEquals(2, r.bestThreads());
        assertEquals(10e-6, r.jtorchMedian());
        assertEquals(12e-6, r.libtorchBestMedian());
        assertEquals(1.2, r.speed(), 1e-12);
        assertEquals(Optional.of(true), r.met());
        WorkloadResult slow = result("exp 1K float32", OptionalDouble.of(3.0), new double[] {1e-6}, new double[] {2e-6},
                new double[] {2.5e-6});
        assertEquals(1, slow.bestThreads());
        assertEquals(Optional.of(false), slow.met());
        WorkloadResult noTarget = result("add 3x3", OptionalDouble.empty(), new double[] {1e-7}, new double[] {1e-6},
                new double[] {1e-6});
        assertEquals(1, noTarget.bestThreads(), "a tie keeps the first thread count");
        assertEquals(Optional.empty(), noTarget.met());
    }

    @Test
    void rendersResultRow() {
        WorkloadResult r = result("add 64K float32", OptionalDouble.of(1.0), new double[] {10e-6, 11e-6, 9e-6},
                new double[] {20e-6, 21e-6, 19e-6}, new double[] {12e-6, 12e-6, 13e-6});
        // 64K add moves 3 * 4 * 65536 bytes: 786432 B / 10 µs = 78.6 GB/s, / 12 µs = 65.5 GB/s
        assertEquals("| add 64K float32 | 10 µs | 78.6 GB/s | 12 µs (2 threads) | 65.5 GB/s | 1.2x | ≥ 1x | yes |",
                Report.resultRow(r));
        WorkloadResult none = new WorkloadResult("add 3x3 (small-op overhead)", Work.calls(), OptionalDouble.empty(),
                new double[] {200e-9}, Map.of(1, new double[] {1e-6}));
        assertEquals("| add 3x3 (small-op overhead) | 200 ns | 5 Mop/s | 1 µs (1 thread) | 1 Mop/s | 5x | — | — |",
                Report.resultRow(none));
    }

    @Test
    void rendersWholeReport() {
        Environment env = new Environment("AMD EPYC", 2, "FloatVector.SPECIES_PREFERRED = Species[float, 16, S_512_BIT]",
                "25.0.1+8-LTS (Eclipse Adoptium, OpenJDK 64-Bit Server VM)", "2.10.0", "abc123", "2025-01-01 00:00 UTC",
                "mvn -o -pl tensor,benchmarks package -DskipTests -Pside-by-side", "7 rounds", 3.5);
        env.loadAfter = 4.0;
        WorkloadResult r = result("add 64K float32", OptionalDouble.of(1.0), new double[] {10e-6, 11e-6, 9e-6},
                new double[] {20e-6, 21e-6, 19e-6}, new double[] {12e-6, 12e-6, 13e-6});
        String md = Report.render(env, List.of(r));
        assertTrue(md.startsWith("# jtorch vs libtorch, side by side\n"), md);
        assertTrue(md.contains("```\nmvn -o -pl tensor,benchmarks package -DskipTests -Pside-by-side\n```"), md);
        assertTrue(md.contains("| CPU | AMD EPYC (2 cores available to the JVM) |\n"), md);
        assertTrue(md.contains("| workload | jtorch median | jtorch throughput | libtorch median (threads) "
                + "| libtorch throughput | speed | target | met? |\n|---|---:|---:|---:|---:|---:|---:|:---:|\n"
                + Report.resultRow(r) + "\n"), md);
        assertTrue(md.contains("| workload | jtorch | libtorch, 1 thread | libtorch, 2 threads |\n|---|---:|---:|---:|\n"
                + "| add 64K float32 | 20% | 20 µs, 10% | 12 µs, 8% |\n"), md);
        assertTrue(md.endsWith("## Every round\n\nTime per op in each round, in the order measured.\n\n```\nadd 64K float32\n"
                + "  jtorch 10 µs 11 µs 9 µs; libtorch, 1 thread 20 µs 21 µs 19 µs; libtorch, 2 threads 12 µs 12 µs 13 µs\n```\n"), md);
        assertTrue(md.contains("- 1-minute load average 3.5 at the start and 4 at the end, on 2 cores (it counts this run's "
                + "own threads). The machine was busy"), md);
    }

    @Test
    void missedTargetsGetTheirSectionWithTheKeptProfiles() {
        Environment env = new Environment("cpu", 2, "v", "jdk", "lt", "c", "d", "cmd", "m", 0.3);
        WorkloadResult met = result("add 64K float32", OptionalDouble.of(1.0), new double[] {10e-6},
                new double[] {20e-6}, new double[] {12e-6});
        WorkloadResult missed = result("relu 64K float32", OptionalDouble.of(1.0), new double[] {30e-6},
                new double[] {20e-6}, new double[] {24e-6});
        String md = Report.render(env, List.of(met, missed));
        String profiles = Report.whereTimeGoes();
        assertFalse(profiles.isBlank());
        assertTrue(md.contains("## Targets not met, and where the time goes\n\nNot met in this run: relu 64K float32 "
                + "(0.667x against ≥ 1x).\n\n" + profiles), md);
        assertTrue(md.indexOf("## Targets not met") < md.indexOf("## Round-to-round spread"), md);
        assertFalse(Report.render(env, List.of(met)).contains("## Targets not met"));
    }

    @Test
    void busyOrQuietComesFromOtherProcessesCpuNotTheLoadAverage() {
        Environment env = new Environment("cpu", 2, "v", "jdk", "lt", "c", "d", "cmd", "m", 2.4);
        env.loadAfter = 2.4;
        env.otherCores = 0.02;
        env.stealShare = 0.01;
        String quiet = Report.notes(env, List.of()).get(0);
        assertTrue(quiet.endsWith("Other processes used 0.02 of the 2 cores on average during the run, and the host stole 1% "
                + "of the CPU time (/proc/stat, less this JVM's own CPU time). The machine was quiet."), quiet);
        env.otherCores = 0.5;
        assertTrue(Report.notes(env, List.of()).get(0).contains("The machine was busy with other work"));
        env.otherCores = 0.02;
        env.stealShare = 0.2;
        assertTrue(Report.notes(env, List.of()).get(0).contains("The machine was busy with other work"));
    }

    @Test
    void cpuUseSubtractsThisJvmFromTheMachinesBusyTime() {
        // 2 cores over 1 s = 200 ticks: 150 busy, 10 stolen; this JVM used 1.2 s of CPU, so others used 0.3 cores
        CpuUse.Sample a = CpuUse.parse("cpu  1000 0 500 8000 0 0 0 100 0 0", 0, 0);
        CpuUse.Sample b = CpuUse.parse("cpu  1120 0 530 8040 0 0 0 110 0 0", 1_200_000_000L, 1_000_000_000L);
        double[] others = CpuUse.othersAndSteal(a, b, 2);
        assertEquals(0.3, others[0], 1e-9);
        assertEquals(0.05, others[1], 1e-9);
        assertTrue(Double.isNaN(CpuUse.othersAndSteal(null, b, 2)[0]));
        assertTrue(Double.isNaN(CpuUse.othersAndSteal(b, a, 2)[1]));
    }

    @Test
    void quietMachineIsSaidToBeQuiet() {
        Environment env = new Environment("cpu", 8, "v", "jdk", "lt", "c", "d", "cmd", "m", 0.3);
        env.loadAfter = 0.5;
        List<String> notes = Report.notes(env, List.of());
        assertTrue(notes.get(0).endsWith("The machine was quiet."), notes.get(0));
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("jtorch's slowest round")), notes.toString());
    }

    @Test
    void flagsWorkloadsWhoseRoundsJumped() {
        Environment env = new Environment("cpu", 8, "v", "jdk", "lt", "c", "d", "cmd", "m", 0.3);
        WorkloadResult steady = result("add 1K float32", OptionalDouble.of(3.0), new double[] {1e-6, 4.9e-6},
                new double[] {1e-6}, new double[] {1e-6});
        WorkloadResult jumped = result("exp 1K float32", OptionalDouble.of(3.0), new double[] {1e-6, 5e-6},
                new double[] {1e-6}, new double[] {1e-6});
        String note = Report.notes(env, List.of(steady, jumped)).get(1);
        assertTrue(note.startsWith("jtorch's slowest round took at least 5 times its fastest for: exp 1K float32. "), note);
    }

    private static WorkloadResult result(String name, OptionalDouble target, double[] jtorch, double[] one, double[] two) {
        Map<Integer, double[]> lt = new LinkedHashMap<>();
        lt.put(1, one);
        lt.put(2, two);
        return new WorkloadResult(name, name.contains("3x3") ? Work.calls() : Work.bytes(3 * 4 * 65536), target, jtorch, lt);
    }
}
