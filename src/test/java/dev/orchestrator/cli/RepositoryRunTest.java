package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code resume} knows a run is on a repository, whatever command started it. */
class RepositoryRunTest {

  @TempDir Path run;

  @Test
  void a_run_that_recorded_its_repository_resumes_on_it_without_repo_given() throws Exception {
    Files.createDirectories(run.resolve(".orchestrator"));
    Files.writeString(
        run.resolve(".orchestrator/repository.json"),
        "{\"path\":\"/work/myrepo\",\"branch\":\"orchestrator/x\",\"base_commit\":\"abc\"}");

    RepositoryOptions options = RepositoryRun.recordedFor(run, new RepositoryOptions());

    assertThat(options.repository).isEqualTo(Path.of("/work/myrepo"));
    assertThat(RepositoryRun.isRepositoryRun(run)).isTrue();
  }

  @Test
  void a_repo_given_to_resume_wins_and_a_run_without_a_record_stays_a_new_project() {
    RepositoryOptions given = new RepositoryOptions();
    given.repository = Path.of("/elsewhere");

    assertThat(RepositoryRun.recordedFor(run, given).repository).isEqualTo(Path.of("/elsewhere"));
    assertThat(RepositoryRun.recordedFor(run, new RepositoryOptions()).repository).isNull();
    assertThat(RepositoryRun.isRepositoryRun(run)).isFalse();
  }
}
