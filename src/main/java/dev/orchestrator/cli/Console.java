package dev.orchestrator.cli;

import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.TestFailure;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.VerificationRound;
import dev.orchestrator.plan.EstimatedDuration;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.run.RunListener;
import dev.orchestrator.run.RunOutcome;
import dev.orchestrator.usage.Dollars;
import dev.orchestrator.usage.TokenUsage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the commands print: the plan, progress while running, and the outcome. */
final class Console {

  // "5 executors" in a strategy text, to compare with the budget of this run.
  private static final int SHOWN_FAILURES = 10;

  private static final Pattern EXECUTORS = Pattern.compile("\\b(\\d+) executors?\\b");

  private final PrintWriter out;
  private final Terminal terminal;
  private final boolean json;
  private final boolean quiet;
  private volatile String stopped; // why the run started no further task; null when it did not stop

  /**
   * @param terminal what standard output can show: a live display, colours
   * @param json print only the summary JSON at the end
   * @param quiet print neither the plan nor progress, only the outcome
   */
  Console(PrintWriter out, Terminal terminal, boolean json, boolean quiet) {
    this.out = out;
    this.terminal = terminal;
    this.json = json;
    this.quiet = quiet;
  }

  RunListener progress() {
    if (json || quiet) {
      return event -> {};
    }
    return terminal.live() ? new LiveProgress(out, terminal) : new PlainProgress(out, terminal);
  }

  /**
   * Says where the run writes when its default directory held an earlier run and it went to a fresh
   * one beside it instead ({@code outputs/<slug>-2}); nothing when it writes where asked.
   */
  void destination(Path chosen, Path usual) {
    if (json || chosen.toAbsolutePath().normalize().equals(usual.toAbsolutePath().normalize())) {
      return;
    }
    out.printf(
        "Writing to %s: %s holds an earlier run (pass --force to replace it)%n", chosen, usual);
  }

  /** Before a run on a repository: the uncommitted changes it leaves out, or takes. */
  void uncommitted(List<String> changes, boolean included) {
    if (json || changes.isEmpty()) {
      return;
    }
    out.println(
        included
            ? "Your uncommitted changes are included (taken as a commit; your tree is untouched):"
            : "Your uncommitted changes are left out of the run (--include-uncommitted takes"
                + " them):");
    changes.forEach(change -> out.println("  " + change));
  }

  /** Lines after the outcome, such as the branch of a run on a repository; none in JSON mode. */
  void epilogue(List<String> lines) {
    if (json) {
      return;
    }
    lines.forEach(out::println);
    out.flush();
  }

  void plan(Plan plan) {
    if (json || quiet) {
      return;
    }
    TaskGraph graph = TaskGraph.of(plan);
    out.printf("%s %s%n", terminal.paint("bold", "Requirement:"), plan.requirements());
    out.printf(
        Locale.ROOT,
        "Complexity: %d/100 (%s)  Tasks: %d  Executors: %d%n",
        plan.complexity().score(),
        plan.complexity().band(),
        plan.tasks().size(),
        plan.executorBudget());
    out.printf(
        "Estimated: critical path %s, total work %s%n",
        EstimatedDuration.format(Duration.ofMillis(graph.criticalPathLength())),
        EstimatedDuration.format(Duration.ofMillis(graph.totalWork())));
    PlannedSpeedup.print(out, plan);
    out.println();
    for (Task task : plan.tasks()) {
      List<String> deps = plan.dependenciesOf(task.id());
      out.printf(
          "  %-8s P%d %-6s %-7s %s%s%n",
          task.id(),
          task.priority(),
          task.estimatedEffort().label(),
          EstimatedDuration.format(task.estimatedDuration()),
          task.name(),
          deps.isEmpty() ? "" : "  <- " + String.join(", ", deps));
    }
    List<int[]> conflicts = FileConflicts.pairs(plan, graph);
    if (!conflicts.isEmpty()) {
      out.println();
      out.println("Never run at the same time (their files overlap):");
      for (int[] pair : conflicts) {
        out.printf("  %s and %s%n", graph.id(pair[0]), graph.id(pair[1]));
      }
    }
    if (!plan.executionStrategy().isBlank()) {
      out.println();
      out.print(wrap("Strategy: " + strategy(plan)));
    }
    out.println();
    out.flush();
  }

  // A plan edited and run with another -m still says the budget it was written for.
  private static String strategy(Plan plan) {
    String text = plan.executionStrategy().strip();
    Matcher written = EXECUTORS.matcher(text);
    if (written.find() && Integer.parseInt(written.group(1)) != plan.executorBudget()) {
      text += " (This run has " + Terminal.count(plan.executorBudget(), "executor") + ".)";
    }
    return text;
  }

  /** The text in lines no wider than the terminal, broken between words, continuations indented. */
  private String wrap(String text) {
    StringBuilder lines = new StringBuilder();
    int column = 0;
    for (String word : text.split(" +")) {
      if (column > 0 && column + 1 + word.length() >= terminal.width()) {
        lines.append(System.lineSeparator()).append("  ");
        column = 2;
      } else if (column > 0) {
        lines.append(' ');
        column++;
      }
      lines.append(word);
      column += word.length();
    }
    return lines.append(System.lineSeparator()).toString();
  }

  /** Prints what the verify step found, one line per round and the verdict. */
  void verification(Verification verification) {
    if (json || verification == null) {
      return;
    }
    for (VerificationRound round : verification.rounds()) {
      out.printf(
          Locale.ROOT,
          "Tests, round %d: %d passed, %d failed, %d skipped, %d errors in %.1fs%n",
          round.round(),
          round.passed(),
          round.failed(),
          round.skipped(),
          round.errors(),
          round.duration().toMillis() / 1000.0);
    }
    List<VerificationRound> rounds = verification.rounds();
    if (!rounds.isEmpty()) {
      failures(rounds.get(rounds.size() - 1).failures());
    }
    out.print(
        wrap(
            String.format(
                Locale.ROOT,
                "Verification: %s (%s); coverage %s",
                verification.status().label(),
                verification.reason(),
                verification.testCoverage() == null
                    ? "not measured"
                    : String.format(Locale.ROOT, "%.1f%%", verification.testCoverage() * 100))));
    out.flush();
  }

  /**
   * Notes that the run's spending reached {@code --max-cost}, so no further task starts; {@link
   * #finished} says so. Called from whichever thread recorded the cost.
   */
  void costLimitReached(BigDecimal spent, BigDecimal limit) {
    stopped =
        "Stopped: "
            + (spent == null ? "the cost" : Dollars.format(spent) + " spent")
            + " reached --max-cost "
            + (limit == null ? "" : Dollars.format(limit))
            + "; no further task started. Raise it and resume to finish the run.";
  }

  /**
   * What the run spent on models, planning included: {@code Spent: 12,345 tokens, $0.10 (planning:
   * 2,000 tokens, $0.02)}; null when nothing was.
   */
  static String spending(RunRecord record) {
    TokenUsage planning = record.planner() == null ? null : record.planner().usage();
    TokenUsage total = planning;
    for (TaskResult result : record.results()) {
      total = TokenUsage.sum(total, result.usage());
    }
    if (total == null) {
      return null;
    }
    return "Spent: "
        + spent(total)
        + (planning == null || planning.equals(total)
            ? ""
            : " (planning: " + spent(planning) + ")");
  }

  private static String spent(TokenUsage usage) {
    long tokens = usage.tokens().totalInput() + usage.outputTokens();
    return String.format(Locale.ROOT, "%,d tokens", tokens)
        + (usage.costUsd() == null ? ", cost unknown" : ", " + Dollars.format(usage.costUsd()));
  }

  // What still fails after the last round: the test, the tasks that own its files, what it said.
  private void failures(List<TestFailure> failures) {
    int shown = Math.min(failures.size(), SHOWN_FAILURES);
    for (TestFailure failure : failures.subList(0, shown)) {
      out.println(
          "  "
              + terminal.paint("fg(red)", "✗")
              + " "
              + failure.test()
              + (failure.ownerTasks().isEmpty()
                  ? ""
                  : " (" + String.join(", ", failure.ownerTasks()) + ")"));
      failure.excerpt().lines().forEach(line -> out.println("      " + line));
    }
    if (failures.size() > shown) {
      out.println(
          "  … and "
              + (failures.size() - shown)
              + " more: see report.html or execution_summary.json");
    }
  }

  /** Prints the outcome and returns the exit code. */
  int finished(RunOutcome outcome, Interruption interruption) {
    if (json) {
      try {
        out.print(Files.readString(outcome.outputDirectory().resolve(SummaryJson.FILE_NAME)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      long total = outcome.record().results().size();
      Duration wall = Duration.between(outcome.record().startedAt(), outcome.record().finishedAt());
      out.println();
      long failed = outcome.count(TaskStatus.FAILED);
      long skipped = outcome.count(TaskStatus.SKIPPED);
      out.printf(
          Locale.ROOT,
          "%s completed, %s, %s%s in %.1fs%n",
          terminal.paint(
              outcome.allCompleted() ? "bold,fg(green)" : "bold",
              outcome.count(TaskStatus.COMPLETED) + "/" + Terminal.count(total, "task")),
          failed > 0 ? terminal.paint("bold,fg(red)", failed + " failed") : "0 failed",
          skipped > 0 ? terminal.paint("fg(yellow)", skipped + " skipped") : "0 skipped",
          outcome.count(TaskStatus.NOT_STARTED) > 0
              ? ", " + outcome.count(TaskStatus.NOT_STARTED) + " not started"
              : "",
          wall.toMillis() / 1000.0);
      if (stopped != null) {
        out.print(wrap(terminal.paint("bold,fg(yellow)", stopped)));
      }
      verification(outcome.verification());
      out.println("Output: " + outcome.outputDirectory());
      out.println(
          "  README.md, report.html, src/, tests/, docs/, execution_summary.json, orchestrator.log");
      if (outcome.record().executor() != null && outcome.record().executor().simulated()) {
        // Wrapped before it is painted: escape codes would count as columns.
        String[] note =
            wrap("This was a simulation: the executors were simulated (offline, no model) and"
                    + " wrote placeholder files, not working code. Add --real to have a model or"
                    + " coding agent do the tasks.")
                .split(":", 2);
        out.print(terminal.paint("bold,fg(yellow)", note[0] + ":") + note[1]);
      }
      String spent = spending(outcome.record());
      if (spent != null) {
        out.println(spent);
      }
    }
    out.flush();
    if (interruption.interrupted()) {
      out.println("Interrupted. Finish it with: orchestrator resume " + outcome.outputDirectory());
      out.flush();
      return Cli.INTERRUPTED;
    }
    return outcome.succeeded() ? Cli.OK : Cli.TASKS_FAILED;
  }
}
