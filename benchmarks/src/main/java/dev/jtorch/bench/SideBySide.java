package dev.jtorch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs every registered {@link Workload} on jtorch and on libtorch 2.10 in this JVM and writes the
 * comparison as Markdown (BENCHMARKS.md), atomically. Options ({@code --name=value}):
 * <ul>
 *   <li>{@code --out} the file to write (default {@code BENCHMARKS.md})</li>
 *   <li>{@code --only} a regular expression: run only workloads whose name contains a match</li>
 *   <li>{@code --rounds} (7), {@code --round-ms} (150), {@code --warmup-ms} (500)</li>
 *   <li>{@code --torch-threads} libtorch thread counts to try, best kept (1,2)</li>
 *   <li>{@code --command} the command line to print in the report (the Maven profile passes its own)</li>
 * </ul>
 * The Maven profile {@code side-by-side} of benchmarks/pom.xml is the one command that regenerates the file;
 * it runs the JVM with {@code OMP_WAIT_POLICY=PASSIVE} and {@code -XX:-BackgroundCompilation}. Started
 * without the variable, the runner re-executes itself with both.
 */
public final class SideBySide {
    private SideBySide() {}

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("out", "BENCHMARKS.md");
        DEFAULTS.put("only", "");
        DEFAULTS.put("rounds", "7");
        DEFAULTS.put("round-ms", "150");
        DEFAULTS.put("warmup-ms", "500");
        DEFAULTS.put("torch-threads", "1,2");
        DEFAULTS.put("command", "");
    }

    public static void main(String[] args) throws Exception {
        String omp = System.getenv(Relaunch.VARIABLE);
        switch (Relaunch.decide(omp)) {
            case RELAUNCH:
                System.exit(Relaunch.relaunch(SideBySide.class, args));
                return;
            case REFUSE:
                System.err.println(Relaunch.refusal(omp));
                System.exit(2);
                return;
            default:
                break;
        }
        Map<String, String> opt = parse(args);
        if (Relaunch.backgroundCompilation()) {
            System.err.println("warning: JIT compilation runs in the background; on a busy machine warm-up may end before "
                    + "the kernels are compiled. Add " + Relaunch.FOREGROUND_JIT + " (the Maven profile does).");
        }
        Libtorch.bestBindingSettings();
        Path out = Path.of(opt.get("out")).toAbsolutePath().normalize();
        Measurement.Settings settings = new Measurement.Settings(Integer.parseInt(opt.get("rounds")),
                Long.parseLong(opt.get("round-ms")), Long.parseLong(opt.get("warmup-ms")),
                Arrays.stream(opt.get("torch-threads").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
        List<Workload> workloads = select(Workloads.all(), opt.get("only"));

        Libtorch.load();
        Environment env = Environment.detect(Path.of("").toAbsolutePath(), command(opt, args), method(settings));
        System.out.println("jtorch vs libtorch: " + workloads.size() + " workloads; " + env.cpu + ", " + env.cores
                + " cores; JDK " + env.jdk + "; libtorch " + env.libtorch);
        List<WorkloadResult> results = new ArrayList<>();
        for (Workload w : workloads) {
            WorkloadResult r = Measurement.measure(w, settings);
            results.add(r);
            System.out.println(Report.resultRow(r));
            System.out.println(Report.rounds(r));
        }
        env.finish();
        writeAtomically(out, Report.render(env, results));
        System.out.println("wrote " + out);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>(DEFAULTS);
        for (String a : args) {
            int eq = a.indexOf('=');
            String key = a.startsWith("--") && eq > 2 ? a.substring(2, eq) : null;
            if (key == null || !DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; options are --NAME=VALUE with NAME one of "
                        + DEFAULTS.keySet());
            }
            opt.put(key, a.substring(eq + 1));
        }
        return opt;
    }

    /** The workloads whose name contains a match of {@code regex} (all when it is empty), or an error naming them. */
    static List<Workload> select(List<Workload> all, String regex) {
        if (regex.isEmpty()) {
            return all;
        }
        Pattern p = Pattern.compile(regex);
        List<Workload> chosen = new ArrayList<>();
        for (Workload w : all) {
            if (p.matcher(w.name()).find()) {
                chosen.add(w);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--only=" + regex + " matches no workload; the workloads are "
                    + Workloads.names());
        }
        return chosen;
    }

    /** The command for the report: the Maven one when given (plus the filter), else this JVM's. */
    static String command(Map<String, String> opt, String[] args) {
        String only = opt.get("only");
        if (!opt.get("command").isEmpty()) {
            return opt.get("command") + (only.isEmpty() ? "" : " '-Dbench.only=" + only + "'");
        }
        StringBuilder b = new StringBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            b.append(' ').append(a);
        }
        b.append(" -cp <benchmarks runtime classpath> ").append(SideBySide.class.getName());
        for (String a : args) {
            b.append(' ').append(a);
        }
        return b.toString();
    }

    static String method(Measurement.Settings s) {
        return s.rounds + " rounds per workload; in each round every side runs a batch calibrated to about "
                + s.roundNanos / 1_000_000 + " ms (after at least " + s.warmupNanos / 1_000_000
                + " ms of warm-up, ending once the JIT has compiled nothing for a round's worth of ops, or after "
                + Measurement.MAX_WARMUP_FACTOR + " times that) after a pause of " + Math.min(Measurement.SETTLE_MILLIS, s.roundNanos / 1_000_000)
                + " ms (libtorch's OpenBLAS threads spin for about 0.1 s after its last call), the starting side rotating; reported: the median time per op over the rounds; "
                + "libtorch at " + threadList(s.torchThreads) + ", the fastest kept; training epochs are long-running: "
                + "the pre-timing agreement epoch is the warm-up, then one epoch per round, in fewer rounds (see Every round)";
    }

    /** [1, 2] -> "1 and 2 threads", [1] -> "1 thread". */
    static String threadList(int[] threads) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < threads.length; i++) {
            b.append(i == 0 ? "" : i == threads.length - 1 ? " and " : ", ").append(threads[i]);
        }
        return b.append(threads.length == 1 && threads[0] == 1 ? " thread" : " threads").toString();
    }

    /** Writes a temporary file beside {@code out} and renames it over {@code out}, so readers never see half a file. */
    static void writeAtomically(Path out, String text) throws IOException {
        Path dir = out.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
