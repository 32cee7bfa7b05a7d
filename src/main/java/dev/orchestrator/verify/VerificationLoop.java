package dev.orchestrator.verify;

import dev.orchestrator.Secrets;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verify step with its repair rounds: test the consolidated project; while tests fail and
 * rounds are left, send each failure to the tasks that own its files as fix tasks, and test again.
 */
public final class VerificationLoop {

  private static final Logger log = LoggerFactory.getLogger(VerificationLoop.class);

  private final VerificationSettings settings;
  private final Secrets secrets;
  private final Repairs repairs;
  private final Consumer<String> steps;

  /**
   * @param secrets masked in the test commands' logs
   * @param steps hears each step as it starts (a round's test commands, a repair round), for people
   *     waiting while nothing else shows progress
   */
  public VerificationLoop(
      VerificationSettings settings, Secrets secrets, Repairs repairs, Consumer<String> steps) {
    this.settings = settings;
    this.secrets = secrets;
    this.repairs = repairs;
    this.steps = steps;
  }

  /**
   * Verifies the output directory of a run of the plan. Fix tasks already in the plan (a resumed
   * run's) count against the repair rounds.
   *
   * @return the rounds and the outcome of the last one; when interrupted, what was found until
   *     then, with a reason that says so (the caller knows of the interruption from its own
   *     cancellation)
   */
  public Verification run(Path outputDirectory, Plan plan) {
    int repaired = FixTasks.roundsIn(plan);
    List<VerificationRound> rounds = new ArrayList<>();
    RoundResult last = null;
    String stop = null;
    Verifier verifier = new Verifier(settings, secrets, steps);
    try {
      while (true) {
        last = verifier.run(outputDirectory, plan, repaired + 1);
        if (last.round() != null) {
          rounds.add(last.round());
        }
        if (last.status() != Verification.Status.FAILED || repaired >= settings.fixRounds()) {
          break;
        }
        List<Task> fixes = FixTasks.of(repaired + 1, last.failures(), plan);
        if (fixes.isEmpty()) {
          stop = "no task of the plan owns the files of the failures, so none was sent back";
          break;
        }
        log.info("repair round {}: {} fix tasks", repaired + 1, fixes.size());
        steps.accept(
            "Repair round "
                + (repaired + 1)
                + ": "
                + fixes.stream().map(Task::id).collect(Collectors.joining(", ")));
        Optional<Plan> repairedPlan = repairs.repair(plan, fixes);
        if (repairedPlan.isEmpty()) {
          stop = "the run stopped before repair round " + (repaired + 1) + " finished";
          break;
        }
        plan = repairedPlan.get();
        repaired++;
      }
    } catch (InterruptedException e) {
      stop = "interrupted; orchestrator resume or verify runs it again";
    }
    if (last == null) {
      return Verification.notRun(stop);
    }
    String reason = last.reason();
    if (repaired > 0) {
      reason += " (after " + repaired + (repaired == 1 ? " repair round)" : " repair rounds)");
    }
    if (stop != null) {
      reason += "; " + stop;
    }
    return new Verification(
        last.status(),
        reason,
        last.command(),
        last.command() == null ? null : settings.sandbox().label(),
        rounds,
        last.coverage() == null ? null : last.coverage().ratio(),
        last.coverageReason());
  }
}
