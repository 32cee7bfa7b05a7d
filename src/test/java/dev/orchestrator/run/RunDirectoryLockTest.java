package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.ChildJvm;
import dev.orchestrator.DirectorySnapshot;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.AgentResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunDirectoryLockTest {

  @TempDir Path temp;
  Process holder;

  @AfterEach
  void endTheHolder() throws Exception {
    if (holder != null && holder.isAlive()) {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Orchestrator orchestrator(Path out) {
    return orchestrator(out, false);
  }

  private Orchestrator orchestrator(Path out, boolean force) {
    return Orchestrator.builder()
        .maxExecutors(2)
        .force(force)
        .outputDirectory(out)
        .agents(
            executor ->
                assignment -> {
                  assignment.workspace().write("src/" + assignment.task().id() + ".py", "pass\n");
                  return AgentResult.of("ok");
                })
        .build();
  }

  private Process holdInAnotherProcess(Path dir) throws Exception {
    Process process =
        new ProcessBuilder(
                Stream.concat(
                        ChildJvm.java().stream(),
                        Stream.of(LockHolder.class.getName(), dir.toString()))
                    .toList())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("locked");
    return process;
  }

  @Test
  void a_resume_while_another_process_runs_the_directory_is_refused_and_names_it()
      throws Exception {
    Path out = temp.resolve("out");
    orchestrator(out).execute(OrchestratorTest.chainAndLoner());
    holder = holdInAnotherProcess(out);
    DirectorySnapshot before = DirectorySnapshot.of(out);

    assertThatThrownBy(() -> orchestrator(out).resume(out))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("in use by another orchestrator")
        .hasMessageContaining("pid " + holder.pid());
    // Even a run that may replace the finished one (--force) must wait for the holder.
    assertThatThrownBy(() -> orchestrator(out, true).execute(OrchestratorTest.chainAndLoner()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("pid " + holder.pid());
    assertThat(DirectorySnapshot.of(out)).isEqualTo(before);
  }

  @Test
  void the_lock_of_a_killed_process_is_taken_over() throws Exception {
    Path out = temp.resolve("out");
    orchestrator(out).execute(OrchestratorTest.chainAndLoner());
    holder = holdInAnotherProcess(out);
    holder.destroyForcibly().waitFor();

    RunOutcome outcome = orchestrator(out).resume(out);

    assertThat(outcome.allCompleted()).isTrue();
    assertThat(Files.readString(out.resolve(".orchestrator/lock")))
        .startsWith("pid " + ProcessHandle.current().pid() + " on ");
  }

  @Test
  void a_second_run_of_the_same_process_is_refused_too() {
    Path out = temp.resolve("out");
    RunDirectoryLock lock = RunDirectoryLock.acquire(out);
    try (lock) {
      assertThatThrownBy(() -> RunDirectoryLock.acquire(out))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    RunDirectoryLock.acquire(out).close();
  }

  @Test
  void an_empty_state_directory_does_not_make_a_run() throws Exception {
    Path dir = temp.resolve("not-a-run");
    Files.createDirectories(dir.resolve(".orchestrator"));
    Files.writeString(dir.resolve("thesis.tex"), "mine");

    assertThatThrownBy(() -> orchestrator(dir).execute(OrchestratorTest.chainAndLoner()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not an orchestrator output directory");
    assertThatThrownBy(() -> orchestrator(dir).resume(dir))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not an orchestrator run");
  }

  @Test
  void a_run_that_lost_its_journal_is_not_silently_redone() throws Exception {
    Path out = temp.resolve("out");
    orchestrator(out).execute(OrchestratorTest.chainAndLoner());
    Files.delete(out.resolve(".orchestrator/journal.jsonl"));

    assertThatThrownBy(() -> orchestrator(out).resume(out))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("has lost its journal")
        .hasMessageContaining("run --plan");
  }
}
