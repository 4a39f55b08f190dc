package io.vigil.bench;

import io.vigil.categorization.JobCategorizer;
import io.vigil.job.AnalysisConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code bin/vigil-bench categorizer}: messages per second through {@link JobCategorizer#categorize(String)} alone,
 * analyzer included. The messages are the LogHub 2k samples of every system, interleaved, or when the benchmark data
 * is absent, messages generated from a few log templates.
 *
 * <p>{@code steadyState} keeps one categorizer and feeds it the messages round and round, like the stream of a
 * long-running job. {@code fromEmpty} categorizes all messages with a new categorizer per call, so learning is
 * included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class CategorizerBenchmark {

    private List<String> messages;
    private JobCategorizer steadyCategorizer;
    private int next;

    @Setup
    public void loadMessages() throws IOException {
        messages = benchmarkMessages();
        steadyCategorizer = newCategorizer();
    }

    @Benchmark
    public long steadyState() {
        String message = messages.get(next);
        next = next + 1 == messages.size() ? 0 : next + 1;
        return steadyCategorizer.categorize(message);
    }

    @Benchmark
    public long fromEmpty() {
        JobCategorizer categorizer = newCategorizer();
        long sum = 0;
        for (String message : messages) {
            sum += categorizer.categorize(message);
        }
        return sum;
    }

    static JobCategorizer newCategorizer() {
        AnalysisConfig config =
                new AnalysisConfig(null, "message", null, null, null, null, null, List.of(), null, null, null);
        return JobCategorizer.forJob("benchmark", config, null);
    }

    /** Returns the LogHub messages of all systems, interleaved line by line, or generated ones. */
    static List<String> benchmarkMessages() throws IOException {
        Optional<Path> folder = BenchData.find("loghub2k");
        if (folder.isEmpty()) {
            return generatedMessages();
        }
        List<List<LoghubData.Line>> systems = new ArrayList<>();
        for (String system : LoghubData.systems(folder.get())) {
            systems.add(LoghubData.read(LoghubData.structuredLog(folder.get(), system)));
        }
        List<String> messages = new ArrayList<>();
        int longest = systems.stream().mapToInt(List::size).max().orElse(0);
        for (int line = 0; line < longest; line++) {
            for (List<LoghubData.Line> lines : systems) {
                if (line < lines.size()) {
                    messages.add(lines.get(line).content());
                }
            }
        }
        return messages;
    }

    private static List<String> generatedMessages() {
        List<String> messages = new ArrayList<>();
        String[] users = {"root", "admin", "guest", "oracle", "postgres", "test"};
        for (int i = 0; i < 20_000; i++) {
            String user = users[i % users.length];
            messages.add(
                    switch (i % 4) {
                        case 0 ->
                            "Accepted password for " + user + " from 10.0." + (i % 255) + ".7 port " + (40_000 + i);
                        case 1 -> "Received block blk_" + (i * 7919L) + " of size " + (i * 13) + " from /10.250.19.102";
                        case 2 -> "session opened for user " + user + " by (uid=" + (i % 1000) + ")";
                        default -> "Connection closed by 183.62.140." + (i % 255) + " [preauth]";
                    });
        }
        return messages;
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int messageCount = benchmarkMessages().size();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(CategorizerBenchmark.class.getName())
                        .build())
                .run();
        System.out.println();
        System.out.println("Categorizer throughput (" + MachineInfo.describe() + ")");
        System.out.println(
                BenchData.find("loghub2k").isPresent()
                        ? messageCount + " LogHub messages of all systems, interleaved"
                        : messageCount + " generated messages (LogHub data absent)");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double opsPerSecond = result.getPrimaryResult().getScore();
            double messagesPerSecond = name.endsWith("fromEmpty") ? opsPerSecond * messageCount : opsPerSecond;
            System.out.printf("%-12s %,.0f messages/s%n", name.substring(name.lastIndexOf('.') + 1), messagesPerSecond);
        }
    }
}
