package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.Json;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.AgentResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ResumeTest {

  @TempDir Path temp;
  final Set<String> ran = ConcurrentHashMap.newKeySet();

  private Orchestrator orchestrator() {
    return Orchestrator.builder()
        .maxExecutors(2)
        .outputDirectory(temp.resolve("out"))
        .agents(
            executor ->
                assignment -> {
                  ran.add(assignment.task().id());
                  assignment.workspace().write("src/" + assignment.task().id() + ".py", "pass\n");
                  return AgentResult.of("ok");
                })
        .build();
  }

  private Path completeRun() throws Exception {
    orchestrator().execute(OrchestratorTest.chainAndLoner());
    ran.clear();
    return temp.resolve("out");
  }

  @Test
  void resuming_a_finished_run_redoes_nothing() throws Exception {
    Path out = completeRun();

    RunOutcome outcome = orchestrator().resume(out);

    assertThat(ran).isEmpty();
    assertThat(outcome.allCompleted()).isTrue();
    assertThat(out.resolve("src/task_3.py")).exists();
  }

  @Test
  void a_torn_last_journal_line_is_dropped_and_that_task_runs_again() throws Exception {
    Path out = completeRun();
    Path journal = out.resolve(".orchestrator/journal.jsonl");
    List<String> lines = Files.readAllLines(journal);
    int lastCompletion = lastIndexOf(lines, "task_completed");
    String torn = lines.get(lastCompletion).substring(0, lines.get(lastCompletion).length() / 2);
    Files.writeString(
        journal,
        String.join("\n", lines.subList(0, lastCompletion)) + "\n" + torn,
        StandardCharsets.UTF_8);
    String tornTask = taskOf(lines.get(lastCompletion));

    RunOutcome outcome = orchestrator().resume(out);

    assertThat(ran).containsExactly(tornTask);
    assertThat(outcome.allCompleted()).isTrue();
    assertThat(Files.readString(out.resolve("orchestrator.log")))
        .contains("dropped a torn last record");
  }

  @Test
  void a_task_whose_output_was_altered_runs_again() throws Exception {
    Path out = completeRun();
    try (var files = Files.walk(out)) {
      Path output =
          files
              .filter(p -> p.endsWith("src/task_4.py") && p.toString().contains("executor_"))
              .findFirst()
              .orElseThrow();
      Files.writeString(output, "tampered\n");
    }

    orchestrator().resume(out);

    assertThat(ran).containsExactly("task_4");
  }

  @Test
  void a_journal_damaged_before_its_last_line_is_refused_with_what_to_do() throws Exception {
    Path out = completeRun();
    Path journal = out.resolve(".orchestrator/journal.jsonl");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
    lines.set(2, "{garbage");
    Files.write(journal, lines);

    assertThatThrownBy(() -> orchestrator().resume(out))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("damaged at line 3")
        .hasMessageContaining("run --plan");
  }

  @Test
  void a_directory_that_is_not_a_run_is_refused() throws Exception {
    Path plain = Files.createDirectories(temp.resolve("plain"));

    assertThatThrownBy(() -> orchestrator().resume(plain))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not an orchestrator run");
  }

  private static int lastIndexOf(List<String> lines, String type) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).contains("\"" + type + "\"")) {
        return i;
      }
    }
    throw new AssertionError("no " + type);
  }

  private static String taskOf(String line) throws Exception {
    Map<?, ?> record = Json.mapper().readValue(line, Map.class);
    return (String) record.get("task");
  }
}
