package dev.orchestrator.run;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.agent.AgentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's {@code orchestrator.log} holds what that run logged, from every thread it started, and
 * nothing else the JVM logs meanwhile: neither another run's lines nor the host application's.
 */
@Timeout(60)
class RunLogFileTest {

  private static final Logger log = LoggerFactory.getLogger(RunLogFileTest.class);

  @TempDir Path temp;

  @Test
  void two_runs_at_once_in_one_jvm_each_write_a_log_of_their_own_and_none_of_the_hosts_lines()
      throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    CountDownLatch hostLogged = new CountDownLatch(1);
    ExecutorService host = Executors.newFixedThreadPool(2);
    try {
      Future<RunOutcome> alpha = host.submit(() -> run("alpha", bothStarted, hostLogged));
      Future<RunOutcome> beta = host.submit(() -> run("beta", bothStarted, hostLogged));
      assertThat(bothStarted.await(30, SECONDS)).isTrue();
      log.info("a line of the host application, logged while both runs are open");
      hostLogged.countDown();
      alpha.get(30, SECONDS);
      beta.get(30, SECONDS);
    } finally {
      host.shutdownNow();
    }

    String alphaLog = Files.readString(temp.resolve("alpha").resolve("orchestrator.log"));
    String betaLog = Files.readString(temp.resolve("beta").resolve("orchestrator.log"));
    assertThat(alphaLog)
        .contains("run started", "agent of alpha works on task_1", "run finished")
        .doesNotContain("beta", "a line of the host application");
    assertThat(betaLog)
        .contains("run started", "agent of beta works on task_1", "run finished")
        .doesNotContain("alpha", "a line of the host application");
  }

  @Test
  void what_a_thread_outside_the_run_does_on_its_behalf_is_in_the_runs_log() throws Exception {
    // A thread started before the run, as the JVM's signal handler is: it does not inherit the run.
    ExecutorService outside = Executors.newSingleThreadExecutor(r -> new Thread(r, "outside"));
    try {
      outside.submit(() -> {}).get(30, SECONDS);
      Path file = temp.resolve("orchestrator.log");
      RunLogFile runLog = RunLogFile.open(file, false, dev.orchestrator.Secrets.none());
      try {
        Runnable cancel = RunLogFile.bound(() -> log.info("asked the workers to cancel"));
        outside.submit(cancel).get(30, SECONDS);
        outside.submit(() -> log.info("a line of its own")).get(30, SECONDS);
      } finally {
        runLog.close();
      }

      assertThat(Files.readString(file))
          .contains("[outside]", "asked the workers to cancel")
          .doesNotContain("a line of its own");
    } finally {
      outside.shutdownNow();
    }
  }

  /** Runs the chain-and-loner plan; its agents log from the executor threads the run starts. */
  private RunOutcome run(String name, CountDownLatch bothStarted, CountDownLatch hostLogged)
      throws InterruptedException {
    Logger agentLog = LoggerFactory.getLogger("test.agent");
    return Orchestrator.builder()
        .maxExecutors(2)
        .outputDirectory(temp.resolve(name))
        .listener(
            event -> {
              if (event instanceof RunEvent.RunStarted) {
                bothStarted.countDown();
                try {
                  hostLogged.await(30, SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            })
        .agents(
            executor ->
                assignment -> {
                  agentLog.info("agent of {} works on {}", name, assignment.task().id());
                  assignment.workspace().write("src/" + assignment.task().id() + ".py", "x = 1\n");
                  return AgentResult.of("ok");
                })
        .build()
        .execute(OrchestratorTest.chainAndLoner());
  }
}
