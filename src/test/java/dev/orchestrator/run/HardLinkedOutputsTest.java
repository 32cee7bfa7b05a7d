package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.AgentException;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent may leave a hard link to a file outside the run: the raw output holds a copy of its own
 * instead, whether the task completed or failed, and the outside file keeps its content and its
 * single name.
 */
@Timeout(30)
class HardLinkedOutputsTest {

  @TempDir Path temp;

  private Map<String, TaskResult> run(String failing) throws Exception {
    Path outside = Files.writeString(temp.resolve("outside.txt"), "the user's file\n");
    Agent linking =
        assignment -> {
          Path root = assignment.workspace().root();
          assignment.workspace().write("src/" + assignment.task().id() + ".py", "x = 1\n");
          try {
            Files.createLink(root.resolve("hl.txt"), outside);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (assignment.task().id().equals(failing)) {
            throw new AgentException("the agent gave up", false);
          }
          return AgentResult.of("ok");
        };
    RunOutcome outcome =
        Orchestrator.builder()
            .maxExecutors(2)
            .outputDirectory(temp.resolve("out"))
            .agents(executor -> linking)
            .build()
            .execute(OrchestratorTest.chainAndLoner());
    return outcome.record().results().stream()
        .collect(Collectors.toMap(TaskResult::taskId, r -> r));
  }

  private void assertOwnCopy(TaskResult result) throws Exception {
    Path copy = result.rawDirectory().resolve("hl.txt");
    assertThat(copy).hasContent("the user's file");
    assertThat(Files.getAttribute(copy, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1);
  }

  @Test
  void a_completed_task_s_hard_link_becomes_a_copy_of_its_own() throws Exception {
    Map<String, TaskResult> results = run("none");

    assertThat(results.get("task_4").status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(results.get("task_4").outputFiles()).containsExactly("hl.txt", "src/task_4.py");
    assertOwnCopy(results.get("task_4"));
    assertThat(Files.getAttribute(temp.resolve("outside.txt"), "unix:nlink")).isEqualTo(1);
    assertThat(temp.resolve("outside.txt")).hasContent("the user's file");
  }

  @Test
  void a_failed_task_s_hard_link_becomes_a_copy_of_its_own() throws Exception {
    Map<String, TaskResult> results = run("task_4");

    assertThat(results.get("task_4").status()).isEqualTo(TaskStatus.FAILED);
    assertThat(results.get("task_4").outputFiles()).containsExactly("hl.txt", "src/task_4.py");
    assertOwnCopy(results.get("task_4"));
    assertThat(Files.getAttribute(temp.resolve("outside.txt"), "unix:nlink")).isEqualTo(1);
  }
}
