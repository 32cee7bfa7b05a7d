package dev.orchestrator.agent;

import static dev.orchestrator.repo.TestRepository.commit;
import static dev.orchestrator.repo.TestRepository.git;
import static dev.orchestrator.repo.TestRepository.worktree;
import static dev.orchestrator.repo.TestRepository.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.repo.MergeQueue;
import dev.orchestrator.repo.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task attempt on a repository, resumed after the process died: the commit an earlier session
 * made for the task lands on the run's branch exactly once, and nothing uncommitted is lost.
 */
class WorktreeAgentTest {

  @TempDir Path temp;
  Path home;
  Path repo;
  GitRepository repository;
  WorktreeAgent.Work work;
  Task task =
      new Task(
          "task_1",
          "Add limits",
          "adds them",
          1,
          Effort.LOW,
          Duration.ofMinutes(30),
          List.of("works"),
          List.of("src/limits.txt"));
  Plan plan =
      new Plan(
          "limits",
          new Complexity(10, "", List.of(), List.of()),
          1,
          Plan.TASK_QUEUE,
          List.of(task),
          Map.of(),
          "",
          "",
          null);
  AtomicInteger agentRuns = new AtomicInteger();
  Agent inner =
      assignment -> {
        agentRuns.incrementAndGet();
        assignment.workspace().write("src/limits.txt", "from the new attempt\n");
        return AgentResult.of("wrote it");
      };

  @BeforeEach
  void aRunWhoseBranchStartsAtMain() {
    TestRepository.assumeGit();
    home = temp.resolve("home");
    repo = TestRepository.init(temp.resolve("repo"), home);
    repository = GitRepository.open(repo, TestRepository.environment(home));
    repository.createBranch("orchestrator/r", repository.head());
    work =
        new WorktreeAgent.Work(
            repository,
            new MergeQueue(repository, "orchestrator/r"),
            temp.resolve("run"),
            "r",
            false,
            WorktreeSetup.NONE);
  }

  private TaskAssignment assignment() throws Exception {
    Path attempt = Files.createDirectories(temp.resolve("run/attempt-" + System.nanoTime()));
    return new TaskAssignment(
        plan, task, 1, 1, new TaskWorkspace(attempt), Map.of(), (message, fraction) -> {});
  }

  // The earlier session's attempt: its worktree and branch, with the task's commit on it.
  private String anEarlierCommit() {
    Path worktree = temp.resolve("run/worktrees/task_1-1");
    worktree(repo, home, worktree, "orchestrator/r-task_1", "main");
    write(worktree.resolve("src/limits.txt"), "from the earlier session\n");
    git(worktree, home, "add", "-A");
    commit(worktree, home, "task_1: Add limits");
    return git(repo, home, "rev-parse", "orchestrator/r-task_1");
  }

  private long timesOnTheBranch(String commit) {
    return git(repo, home, "rev-list", "orchestrator/r").lines().filter(commit::equals).count();
  }

  @Test
  void a_commit_made_before_the_process_died_is_merged_and_the_task_not_run_again()
      throws Exception {
    String earlier = anEarlierCommit();
    TaskAssignment assignment = assignment();

    AgentResult result = new WorktreeAgent(inner, () -> work).execute(assignment);

    assertThat(agentRuns).hasValue(0);
    assertThat(result.details()).containsEntry("commit", earlier).containsEntry("merge", "clean");
    assertThat(timesOnTheBranch(earlier)).isEqualTo(1);
    assertThat(assignment.workspace().resolve("src/limits.txt"))
        .hasContent("from the earlier session");
    assertThat(temp.resolve("run/executor_1/task_1.patch")).content().contains("+from the earlier");
  }

  @Test
  void a_commit_merged_before_the_process_died_is_not_merged_again() throws Exception {
    String earlier = anEarlierCommit();
    work.queue().merge(earlier, "Merge task_1: Add limits");
    String head = repository.resolve("orchestrator/r");

    AgentResult result = new WorktreeAgent(inner, () -> work).execute(assignment());

    assertThat(agentRuns).hasValue(0);
    assertThat(result.details()).containsEntry("merge", "merged before the interruption");
    assertThat(repository.resolve("orchestrator/r")).isEqualTo(head);
    assertThat(timesOnTheBranch(earlier)).isEqualTo(1);
  }

  @Test
  void an_attempt_that_committed_nothing_is_cleared_and_the_task_runs() throws Exception {
    Path worktree = temp.resolve("run/worktrees/task_1-1");
    worktree(repo, home, worktree, "orchestrator/r-task_1", "main");

    AgentResult result = new WorktreeAgent(inner, () -> work).execute(assignment());

    assertThat(agentRuns).hasValue(1);
    assertThat(result.details()).containsEntry("merge", "clean");
    assertThat(git(repo, home, "show", "orchestrator/r:src/limits.txt"))
        .isEqualTo("from the new attempt");
  }

  @Test
  void uncommitted_work_of_an_earlier_session_is_kept_and_the_task_runs_beside_it()
      throws Exception {
    Path worktree = temp.resolve("run/worktrees/task_1-1");
    worktree(repo, home, worktree, "orchestrator/r-task_1", "main");
    write(worktree.resolve("src/limits.txt"), "half done\n");

    AgentResult result = new WorktreeAgent(inner, () -> work).execute(assignment());

    assertThat(agentRuns).hasValue(1);
    assertThat(result.details()).containsEntry("merge", "clean");
    assertThat(worktree.resolve("src/limits.txt")).hasContent("half done");
    assertThat(git(repo, home, "worktree", "list")).contains("task_1-1");
  }
}
