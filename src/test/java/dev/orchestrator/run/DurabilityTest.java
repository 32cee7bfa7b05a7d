package dev.orchestrator.run;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ChildJvm;
import dev.orchestrator.Json;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line as a subprocess, killed and interrupted at random moments and resumed:
 * finished work is never redone, never lost, and the end result is the same as without
 * interruptions.
 */
@Timeout(300)
class DurabilityTest {

  static final int TASKS = 36;

  @TempDir Path temp;
  Path planFile;

  @BeforeEach
  void writePlan() throws IOException {
    planFile = temp.resolve("plan.json");
    PlanJson.write(Plans.layered(TASKS, 7), planFile);
  }

  @Test
  void a_run_killed_several_times_and_resumed_completes_every_task_exactly_once() throws Exception {
    Path reference = temp.resolve("reference");
    assertThat(
            orchestrator(
                    "run", "--plan", planFile, "-o", reference, "-m", 4, "--simulate-delay", "0ms")
                .waitFor())
        .isZero();

    Path crashed = temp.resolve("crashed");
    Random random = new Random(42);
    Process process =
        orchestrator(
            "run", "--plan", planFile, "-o", crashed, "-m", 4, "--simulate-delay", "120ms");
    int kills = 0;
    while (kills < 4) {
      // Kill points close together leave most of the plan for later kills, even if this poller
      // is starved on a loaded machine while the run goes on.
      int target = Math.min(TASKS - 1, completed(crashed).size() + 1 + random.nextInt(4));
      Process running = process;
      await()
          .atMost(120, SECONDS)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> completed(crashed).size() >= target || !running.isAlive());
      if (!process.isAlive()) {
        break;
      }
      process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
      kills++;
      process = orchestrator("resume", crashed, "--simulate-delay", "120ms");
    }
    assertThat(process.waitFor(120, SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(kills)
        .as("the run was killed mid-way at least three times")
        .isGreaterThanOrEqualTo(3);

    Map<String, Long> completions = completed(crashed);
    assertThat(completions)
        .hasSize(TASKS)
        .allSatisfy((task, count) -> assertThat(count).as(task).isEqualTo(1));
    assertThat(rawTaskDirectories(crashed))
        .as("each task's raw output exists once")
        .hasSize(TASKS)
        .doesNotHaveDuplicates();
    assertThat(tree(crashed)).isEqualTo(tree(reference));
  }

  @Test
  void ctrl_c_ends_the_run_with_130_and_resume_finishes_it() throws Exception {
    Path out = temp.resolve("interrupted");
    Process process =
        orchestrator("run", "--plan", planFile, "-o", out, "-m", 3, "--simulate-delay", "150ms");
    await()
        .atMost(120, SECONDS)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> completed(out).size() >= 3);

    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

    assertThat(process.waitFor(60, SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(Files.readString(temp.resolve("console.txt")))
        .isEqualTo(130);
    assertThat(Files.readString(temp.resolve("console.txt"))).contains("orchestrator resume");
    JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
    assertThat(summary.get("not_started").asInt()).isPositive();
    assertThat(summary.get("failed").asInt()).as("cancelled tasks are not failures").isZero();

    Process resumed = orchestrator("resume", out, "--simulate-delay", "0ms");
    assertThat(resumed.waitFor(120, SECONDS)).isTrue();
    assertThat(resumed.exitValue()).isZero();
    assertThat(completed(out))
        .hasSize(TASKS)
        .allSatisfy((task, count) -> assertThat(count).isEqualTo(1));
    assertThat(Files.readString(out.resolve("orchestrator.log")))
        .contains("run started", "resuming: ");
  }

  /** Completion records per task in the journal, which spans every run of the directory. */
  static Map<String, Long> completed(Path run) throws IOException {
    Path journal = run.resolve(".orchestrator/journal.jsonl");
    if (!Files.exists(journal)) {
      return Map.of();
    }
    List<String> lines = Files.readAllLines(journal);
    Map<String, Long> counts = new TreeMap<>();
    for (String line : lines) {
      try {
        JsonNode record = Json.mapper().readTree(line);
        if (record.path("type").asText().equals("task_completed")) {
          counts.merge(record.path("task").asText(), 1L, Long::sum);
        }
      } catch (IOException torn) {
        // the writer may be mid-line
      }
    }
    return counts;
  }

  private static List<String> rawTaskDirectories(Path run) throws IOException {
    List<String> tasks = new ArrayList<>();
    try (Stream<Path> executors = Files.list(run)) {
      for (Path executor :
          executors.filter(p -> p.getFileName().toString().startsWith("executor_")).toList()) {
        try (Stream<Path> dirs = Files.list(executor)) {
          dirs.forEach(d -> tasks.add(d.getFileName().toString()));
        }
      }
    }
    return tasks;
  }

  /**
   * The consolidated project: every file of src/, tests/ and docs/ except the run's own summary.
   */
  private static Map<String, String> tree(Path run) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String dir : List.of("src", "tests", "docs")) {
      try (Stream<Path> walk = Files.walk(run.resolve(dir))) {
        for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
          String name = run.relativize(file).toString();
          if (!name.equals("docs/execution_summary.json")) {
            files.put(name, Files.readString(file));
          }
        }
      }
    }
    return files;
  }

  private Process orchestrator(Object... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
      // A process started with SIGINT ignored (as background jobs of scripts are) cannot catch it,
      // and the JVM then leaves it ignored: give the child the default disposition, as a terminal
      // would.
      command.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
    }
    command.addAll(ChildJvm.orchestrator());
    for (Object arg : args) {
      command.add(arg.toString());
    }
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(temp.resolve("console.txt").toFile()))
        .start();
  }
}
