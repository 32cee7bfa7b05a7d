package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The journal under concurrent completions (group commit) and lazy records. */
@Timeout(30)
class JournalTest {

  @TempDir Path run;

  // Its one file a.txt is in place, with the content whose hash MANIFEST gives.
  private TaskResult completed(String id) {
    Path raw = run.resolve("executor_1").resolve(id);
    try {
      Files.createDirectories(raw);
      Files.writeString(raw.resolve("a.txt"), "a\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Attempt attempt =
        new Attempt(1, 1, Instant.EPOCH, Instant.EPOCH, Attempt.Outcome.COMPLETED, null);
    return new TaskResult(
        id,
        id,
        TaskStatus.COMPLETED,
        List.of(attempt),
        raw,
        List.of("a.txt"),
        null,
        null,
        Map.of(),
        null);
  }

  private static final Map<String, String> MANIFEST =
      Map.of("a.txt", "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7");

  @Test
  void completions_forced_from_many_threads_at_once_are_all_recorded_whole() throws Exception {
    int threads = 8;
    int perThread = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> executors = new ArrayList<>();
    try (Journal journal = Journal.open(run, Secrets.none())) {
      for (int k = 0; k < threads; k++) {
        int executor = k;
        Thread thread =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int i = 0; i < perThread; i++) {
                    String id = "task_" + executor + "_" + i;
                    journal.attemptStarted(Instant.EPOCH, id, executor + 1, 1);
                    journal.taskCompleted(run, completed(id), MANIFEST);
                  }
                });
        executors.add(thread);
        thread.start();
      }
      start.countDown();
      for (Thread thread : executors) {
        thread.join();
      }
    }

    List<JsonNode> records = JournalRecords.replay(run);
    assertThat(records).hasSize(2 * threads * perThread);
    Map<String, String> names = new java.util.HashMap<>();
    records.forEach(r -> names.put(r.path("task").asText(), "a task"));
    assertThat(JournalRecords.intactCompletions(records, run, names)).hasSize(threads * perThread);
  }

  @Test
  void failed_and_skipped_tasks_are_recorded_without_waiting_for_the_disk() {
    try (Journal journal = Journal.open(run, Secrets.none())) {
      journal.taskEnded(Instant.EPOCH, "task_1", "failed", "crash");
      journal.taskEnded(Instant.EPOCH, "task_2", "skipped", "skipped because task_1 failed");
    }

    assertThat(JournalRecords.replay(run))
        .extracting(r -> r.path("type").asText())
        .containsExactly("task_failed", "task_skipped");
  }

  @Test
  void a_completion_spells_attempts_and_tokens_as_the_summary_does() {
    try (Journal journal = Journal.open(run, Secrets.none())) {
      journal.taskCompleted(run, completed("task_1"), MANIFEST);
    }

    JsonNode record = JournalRecords.replay(run).get(0);
    assertThat(record.path("attempts").get(0).has("executor_id")).isTrue();
    assertThat(record.has("tokens")).isTrue();
    assertThat(record.has("cost_usd")).isTrue();
  }

  @Test
  void a_completion_record_it_cannot_read_is_a_usage_error_that_says_what_to_do() throws Exception {
    Files.createDirectories(run.resolve(".orchestrator"));
    Files.writeString(
        run.resolve(".orchestrator/journal.jsonl"),
        "{\"type\":\"task_completed\",\"task\":\"task_1\",\"raw_directory\":\"executor_1/task_1\","
            + "\"files\":{},\"attempts\":[{\"attempt\":1,\"executor\":1}]}\n");

    assertThatThrownBy(
            () ->
                JournalRecords.intactCompletions(
                    JournalRecords.replay(run), run, Map.of("task_1", "a task")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("completion record of task_1 cannot be read")
        .hasMessageContaining("run --plan");
  }
}
