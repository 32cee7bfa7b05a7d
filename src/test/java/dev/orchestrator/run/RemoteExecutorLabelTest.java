package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a remote engine the workers choose their agents: the run names its executor from what they
 * report running the attempts with, never from this process's own (default simulated) options.
 */
@Timeout(30)
class RemoteExecutorLabelTest {

  static final Backend COORDINATOR = new Backend(Backend.SIMULATED, null);
  static final Backend LLM = new Backend("llm", "claude-metered-1");

  @TempDir Path temp;

  /** An engine whose workers report these executors and start no task. */
  private Orchestrator reporting(Backend... reported) {
    Engine engine =
        run -> {
          for (Backend executor : reported) {
            run.executedBy(executor);
          }
          return run.results();
        };
    return Orchestrator.builder()
        .maxExecutors(2)
        .outputDirectory(temp.resolve("out"))
        .describedAs(null, COORDINATOR)
        .engine(engine)
        .build();
  }

  private Backend summarised() throws Exception {
    return SummaryJson.read(temp.resolve("out/" + SummaryJson.FILE_NAME)).executor();
  }

  @Test
  void workers_that_all_ran_one_executor_name_it_not_the_coordinators_options() throws Exception {
    RunOutcome outcome = reporting(LLM, LLM).execute(OrchestratorTest.chainAndLoner());

    assertThat(outcome.record().executor()).isEqualTo(LLM);
    assertThat(summarised()).isEqualTo(LLM);
    assertThat(Files.readString(temp.resolve("out/README.md")))
        .contains("- Executor: llm (claude-metered-1)")
        .doesNotContain("This is a simulation");
  }

  @Test
  void workers_that_ran_different_executors_make_a_mixed_run() throws Exception {
    RunOutcome outcome =
        reporting(LLM, new Backend(Backend.SIMULATED, null))
            .execute(OrchestratorTest.chainAndLoner());

    assertThat(outcome.record().executor())
        .isEqualTo(new Backend(Backend.MIXED, LLM.describe() + ", simulated"));
    assertThat(outcome.record().executor().simulated()).as("some files are placeholders").isTrue();
  }

  @Test
  void a_run_in_which_no_worker_reported_names_no_executor() throws Exception {
    RunOutcome outcome = reporting().execute(OrchestratorTest.chainAndLoner());

    assertThat(outcome.record().executor()).isNull();
    assertThat(summarised()).isNull();
  }

  @Test
  void a_resumed_run_names_what_the_workers_of_every_session_reported() throws Exception {
    reporting(LLM).execute(OrchestratorTest.chainAndLoner());

    RunOutcome resumed = reporting().resume(temp.resolve("out"));

    assertThat(resumed.record().executor()).isEqualTo(LLM);
    assertThat(summarised()).isEqualTo(LLM);
  }

  @Test
  void a_local_run_names_the_executor_it_was_described_with() throws Exception {
    RunOutcome outcome =
        Orchestrator.builder()
            .maxExecutors(2)
            .outputDirectory(temp.resolve("out"))
            .describedAs(null, LLM)
            .agents(executor -> assignment -> AgentResult.of("ok"))
            .build()
            .execute(OrchestratorTest.chainAndLoner());

    assertThat(outcome.record().executor()).isEqualTo(LLM);
    assertThat(summarised()).isEqualTo(LLM);
  }
}
