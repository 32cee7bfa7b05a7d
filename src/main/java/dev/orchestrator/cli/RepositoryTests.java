package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.RunLayout;
import dev.orchestrator.Secrets;
import dev.orchestrator.output.TestFailure;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.repo.GitRepository;
import dev.orchestrator.verify.Repairs;
import dev.orchestrator.verify.VerificationLoop;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A repository's own tests, as the repository mode runs them: on the files of one commit (the base,
 * then the run's branch), exported into the run directory, with the verify step's runners; and what
 * the run broke, which is what fails on the branch and did not fail at the base.
 *
 * @param settings null when the tests are off ({@code --no-verify})
 * @param steps hears what each test command that starts does
 */
record RepositoryTests(VerificationSettings settings, Secrets secrets, Consumer<String> steps) {

  /** No tests. */
  static final RepositoryTests NONE = new RepositoryTests(null, Secrets.none(), line -> {});

  /**
   * The tests at a commit, run on its files exported below the run's state ({@code
   * .orchestrator/repository-tests/<label>}); null when the tests are off.
   */
  Verification at(
      GitRepository repository, String commit, Path runDirectory, String label, Plan plan) {
    if (settings == null) {
      return null;
    }
    Path dir = RunLayout.state(runDirectory).resolve("repository-tests").resolve(label);
    repository.export(commit, dir);
    String on = label.equals("base") ? "base commit" : "run's branch";
    return new VerificationLoop(
            settings,
            secrets,
            Repairs.NONE,
            line -> steps.accept("Tests on the " + on + ": " + line))
        .run(dir, plan);
  }

  /** The tests' outcome as the summary's {@code field}: null when they did not run. */
  static ObjectNode put(ObjectNode parent, String field, Verification tests) {
    if (tests == null) {
      parent.putNull(field);
      return parent;
    }
    ObjectNode object = parent.putObject(field);
    object.put("status", tests.status().name().toLowerCase(Locale.ROOT));
    object.put("reason", tests.reason());
    object.put("command", tests.command());
    VerificationRound round =
        tests.rounds().isEmpty() ? null : tests.rounds().get(tests.rounds().size() - 1);
    if (round == null) {
      return parent;
    }
    object.put("passed", round.passed());
    object.put("failed", round.failed());
    object.put("errors", round.errors());
    object.put("skipped", round.skipped());
    var failing = object.putArray("failing");
    round.failures().forEach(f -> failing.add(f.test()));
    return parent;
  }

  /** {@code 184 passed, 1 failed, 0 errors, 16 skipped}, or why they did not run. */
  static String outcome(Verification tests) {
    if (tests.rounds().isEmpty()) {
      return tests.status().name().toLowerCase(Locale.ROOT) + " (" + tests.reason() + ")";
    }
    VerificationRound round = tests.rounds().get(tests.rounds().size() - 1);
    return round.passed()
        + " passed, "
        + round.failed()
        + " failed, "
        + round.errors()
        + " errors, "
        + round.skipped()
        + " skipped";
  }

  // The tests failing on the branch that did not fail at the base: those the run broke.
  static List<String> broken(Verification before, Verification after) {
    List<String> failedBefore = failing(before);
    return failing(after).stream().filter(t -> !failedBefore.contains(t)).toList();
  }

  private static List<String> failing(Verification tests) {
    return tests.rounds().isEmpty()
        ? List.of()
        : tests.rounds().get(tests.rounds().size() - 1).failures().stream()
            .map(TestFailure::test)
            .toList();
  }
}
