package dev.orchestrator.verify;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.UsageException;
import dev.orchestrator.process.ChildEnvironment;
import dev.orchestrator.sandbox.Sandbox;
import java.time.Duration;
import java.util.Map;

/**
 * How the verify step runs.
 *
 * @param command a shell command that replaces the detected test runners, or null to detect them
 * @param timeLimit how long the test commands of one round may take together
 * @param fixRounds how many times failures are sent back to their tasks and the tests run again
 * @param environment our environment; the test commands get its allow-listed part ({@link
 *     ChildEnvironment#forTests}): they run code the agents wrote, which has no business with the
 *     user's keys and passwords
 * @param sandbox what confines the build and test commands
 * @param project what is tested: the consolidated project, or a repository's branch
 */
public record VerificationSettings(
    String command,
    Duration timeLimit,
    int fixRounds,
    Map<String, String> environment,
    Sandbox sandbox,
    TestedProject project) {

  /** The default time limit of a round, ten minutes. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

  /** The default number of repair rounds. */
  public static final int DEFAULT_FIX_ROUNDS = 2;

  /**
   * @throws UsageException if the time limit is not positive, the rounds negative or the command
   *     blank
   */
  public VerificationSettings {
    requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isZero() || timeLimit.isNegative()) {
      throw new UsageException(
          "--verify-timeout must be positive, was " + timeLimit + "; use e.g. --verify-timeout 5m");
    }
    if (fixRounds < 0) {
      throw new UsageException(
          "--fix-rounds must be 0 or more, was " + fixRounds + "; use 0 to only verify");
    }
    if (command != null && command.isBlank()) {
      throw new UsageException(
          "--verify-command is empty; give the command that runs the tests, e.g. 'make test'");
    }
    environment = ChildEnvironment.forTests(environment);
    requireNonNull(sandbox, "sandbox");
    requireNonNull(project, "project");
  }

  /** Settings that test the consolidated project, its commands confined by {@code sandbox}. */
  public VerificationSettings(
      String command,
      Duration timeLimit,
      int fixRounds,
      Map<String, String> environment,
      Sandbox sandbox) {
    this(command, timeLimit, fixRounds, environment, sandbox, TestedProject.CONSOLIDATED);
  }

  /** The same settings, testing {@code tested} instead. */
  public VerificationSettings testing(TestedProject tested) {
    return new VerificationSettings(command, timeLimit, fixRounds, environment, sandbox, tested);
  }

  /** Settings whose commands run unconfined. */
  public VerificationSettings(
      String command, Duration timeLimit, int fixRounds, Map<String, String> environment) {
    this(command, timeLimit, fixRounds, environment, Sandbox.none(), TestedProject.CONSOLIDATED);
  }
}
