package dev.jtorch.bench;

import dev.jtorch.tensor.kernel.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/** What the report says about where and how it was produced. */
final class Environment {
    final String cpu;
    final int cores;
    final String vector;
    final String jdk;
    final String libtorch;
    final String commit;
    final String date;
    final String command;
    final String method;
    /** 1-minute load averages when the run started and ended (NaN where /proc/loadavg is absent). */
    final double loadBefore;
    double loadAfter = Double.NaN;
    /** The machine's and this JVM's CPU counters when the run started (null where unknown). */
    final CpuUse.Sample cpuBefore = CpuUse.now();
    /**
     * Cores' worth of CPU that other processes used during the run, and the share of CPU time the host
     * stole ({@link CpuUse}); NaN until {@link #finish} and where unknown.
     */
    double otherCores = Double.NaN;
    double stealShare = Double.NaN;

    Environment(String cpu, int cores, String vector, String jdk, String libtorch, String commit, String date,
            String command, String method, double loadBefore) {
        this.cpu = cpu;
        this.cores = cores;
        this.vector = vector;
        this.jdk = jdk;
        this.libtorch = libtorch;
        this.commit = commit;
        this.date = date;
        this.command = command;
        this.method = method;
        this.loadBefore = loadBefore;
    }

    /** Records the end of the run: the load average and the CPU that other processes used meanwhile. */
    void finish() {
        loadAfter = loadAverage();
        double[] others = CpuUse.othersAndSteal(cpuBefore, CpuUse.now(), cores);
        otherCores = others[0];
        stealShare = others[1];
    }

    /** This machine and JVM (loads libtorch to ask its version). */
    static Environment detect(Path repoRoot, String command, String method) {
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(), vector(), jdk(),
                Libtorch.version() + "; OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY"), commit(repoRoot),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                command, method, loadAverage());
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the architecture name
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }

    /**
     * {@code FloatVector.SPECIES_PREFERRED}, read reflectively: only the tensor module imports
     * {@code jdk.incubator.vector}, and the report must also work when the module is absent.
     */
    static String vector() {
        String kernels = Kernels.VECTORIZED ? "jtorch kernels: Vector API" : "jtorch kernels: scalar reference";
        try {
            Object species = Class.forName("jdk.incubator.vector.FloatVector").getField("SPECIES_PREFERRED").get(null);
            return "FloatVector.SPECIES_PREFERRED = " + species + "; " + kernels;
        } catch (ReflectiveOperationException | LinkageError e) {
            return "jdk.incubator.vector not available; " + kernels;
        }
    }

    /** The JDK, and the JVM options the run was started with. */
    static String jdk() {
        return System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + "); options: "
                + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The 1-minute load average, or NaN where the system does not publish it. */
    static double loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
            return Double.parseDouble(s.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The checked-out commit, marked when the work tree has changes; "unknown" without git. */
    static String commit(Path repoRoot) {
        String head = git(repoRoot, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isEmpty()) {
            return "unknown";
        }
        String status = git(repoRoot, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + " (with uncommitted changes)";
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
