package dev.jtorch.bench;

import java.io.IOException;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * libtorch's OpenMP threads spin-wait unless {@code OMP_WAIT_POLICY=PASSIVE} is in the environment
 * when the library loads; next to the JVM's own threads that makes libtorch many times slower, so a
 * comparison without it would flatter jtorch. The variable cannot be set from inside a running JVM,
 * so the runner re-executes itself with it.
 */
final class Relaunch {
    private Relaunch() {}

    static final String VARIABLE = "OMP_WAIT_POLICY";

    /** What to do about the environment this JVM was started with. */
    enum Decision { PROCEED, RELAUNCH, REFUSE }

    static Decision decide(String ompWaitPolicy) {
        if (ompWaitPolicy == null || ompWaitPolicy.isEmpty()) {
            return Decision.RELAUNCH;
        }
        return ompWaitPolicy.equalsIgnoreCase("PASSIVE") ? Decision.PROCEED : Decision.REFUSE;
    }

    static String refusal(String value) {
        return VARIABLE + " is set to '" + value + "'; libtorch must run with " + VARIABLE + "=PASSIVE (its OpenMP "
                + "threads otherwise spin and slow it down several times next to the JVM). Unset it or set it to PASSIVE.";
    }

    /** The JVM option that makes JIT compiles finish before the code that asked for them goes on. */
    static final String FOREGROUND_JIT = "-XX:-BackgroundCompilation";

    /**
     * Whether HotSpot compiles in the background (its default). The runner wants it off: on a busy
     * machine background C2 compiles of the kernels can finish only after warm-up, so early rounds
     * would time interpreted Vector API code.
     */
    static boolean backgroundCompilation() {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hs != null && Boolean.parseBoolean(hs.getVMOption("BackgroundCompilation").getValue());
        } catch (IllegalArgumentException e) {
            return false; // not HotSpot: nothing to turn off
        }
    }

    /** Runs this same JVM command with {@code OMP_WAIT_POLICY=PASSIVE} and returns its exit code. */
    static int relaunch(Class<?> main, String[] args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (backgroundCompilation()) {
            cmd.add(FOREGROUND_JIT);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        System.out.println(VARIABLE + " is not set: running again with " + VARIABLE + "=PASSIVE");
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(VARIABLE, "PASSIVE");
        return pb.start().waitFor();
    }
}
