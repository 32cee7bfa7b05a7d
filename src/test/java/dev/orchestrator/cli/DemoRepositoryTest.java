package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static dev.orchestrator.repo.TestRepository.git;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.repo.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator demo repo}: the repository mode tried out offline on a sample repository. */
@Timeout(120)
class DemoRepositoryTest {

  @TempDir Path temp;

  @Test
  void makes_a_sample_repository_and_runs_on_it_leaving_a_branch_whose_tests_pass()
      throws Exception {
    TestRepository.assumeGit();
    Path home = temp.resolve("home");
    Path sample = temp.resolve("sample");

    CliRun.Result result =
        run(
            TestRepository.environment(home),
            "demo",
            "repo",
            "-o",
            sample,
            "--simulate-delay",
            "0ms");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("=== demo repo: a sample repository at " + sample)
        .contains("Take it with: git -C ");
    Path run;
    try (Stream<Path> runs = Files.list(sample.resolve(".git/orchestrator"))) {
      run = runs.findFirst().orElseThrow();
    }
    JsonNode repository =
        Json.mapper().readTree(run.resolve("execution_summary.json").toFile()).path("repository");
    assertThat(repository.path("tests_before").path("passed").asInt()).isEqualTo(1);
    assertThat(repository.path("tests_after").path("status").asText()).isEqualTo("passed");
    String branch = repository.path("branch").asText();
    assertThat(git(sample, home, "log", "--format=%s", "main.." + branch)).contains("task_1: ");
    assertThat(git(sample, home, "status", "--porcelain")).isEmpty();
  }

  @Test
  void refuses_a_directory_that_holds_files() throws Exception {
    Path taken = Files.createDirectories(temp.resolve("taken"));
    Files.writeString(taken.resolve("mine.txt"), "mine\n");

    CliRun.Result result = run(TestRepository.environment(temp), "demo", "repo", "-o", taken);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not empty");
    assertThat(taken.resolve("mine.txt")).hasContent("mine");
  }
}
