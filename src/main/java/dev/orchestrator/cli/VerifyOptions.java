package dev.orchestrator.cli;

import dev.orchestrator.run.Orchestrator;
import dev.orchestrator.sandbox.Sandbox;
import dev.orchestrator.verify.VerificationSettings;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of the verify step: whether and how the consolidated project is tested. */
final class VerifyOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  static final String OFF = "not run: --no-verify";

  @Option(
      names = "--no-verify",
      description = "Do not build and test the consolidated project after the run.")
  boolean noVerify;

  @Option(
      names = "--verify-command",
      paramLabel = "CMD",
      description =
          "Shell command that runs the project's tests instead of the detected runner (pytest,"
              + " node --test, npm test, mvn test, gradle test, go test, cargo test); JUnit XML it"
              + " writes is read.")
  String command;

  @Option(
      names = "--verify-timeout",
      paramLabel = "DURATION",
      defaultValue = "10min",
      converter = DurationConverter.class,
      description = "Time limit of the tests of one round (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--fix-rounds",
      paramLabel = "N",
      description =
          "Times failing tests go back to the tasks that own their files as fix tasks, and the"
              + " tests run again (default: 2; for verify: 0).")
  Integer fixRounds;

  /**
   * Sets the verify step of a run; {@code defaultRounds} when --fix-rounds is not given, its
   * commands confined by {@code sandbox}.
   */
  Orchestrator.Builder configure(Orchestrator.Builder builder, int defaultRounds, Sandbox sandbox) {
    VerificationSettings settings = settings(defaultRounds, sandbox);
    return settings == null ? builder.noVerification(OFF) : builder.verification(settings);
  }

  /** The verify step's settings; null with {@code --no-verify}. */
  VerificationSettings settings(int defaultRounds, Sandbox sandbox) {
    if (noVerify) {
      return null;
    }
    return new VerificationSettings(
        command, timeout, fixRounds == null ? defaultRounds : fixRounds, environment(), sandbox);
  }

  private java.util.Map<String, String> environment() {
    return Settings.of(spec).environment();
  }
}
