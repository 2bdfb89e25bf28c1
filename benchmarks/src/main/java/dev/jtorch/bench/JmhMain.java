package dev.jtorch.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH suite with JMH's usual command-line options; unless {@code -p workload=...} is given,
 * {@link JtorchBench} runs over every workload of {@link Workloads}, and unless a benchmark regex is
 * given, only this module's benchmarks run.
 */
public final class JmhMain {
    private JmhMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            b.include(JtorchBench.class.getName());
        }
        if (!cli.getParameter("workload").hasValue()) {
            b.param("workload", Workloads.names().toArray(new String[0]));
        }
        new Runner(b.build()).run();
    }
}
