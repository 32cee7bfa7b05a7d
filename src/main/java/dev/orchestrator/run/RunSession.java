package dev.orchestrator.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.RunLayout;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.OutputAssembler;
import dev.orchestrator.output.Pause;
import dev.orchestrator.output.ProjectReadme;
import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.report.RunReport;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.schedule.OrderSearch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of a run in a prepared, locked output directory: dispatch every task not completed
 * before (on this process's executors or a remote engine), then the summary, the verify step with
 * its repair rounds, the report, and the journal's end record.
 */
final class RunSession {

  private static final Logger log = LoggerFactory.getLogger(RunSession.class);

  private static final String PLACEHOLDERS_ONLY =
      "the executors were simulated, so the project's tests are placeholders that skip themselves"
          + " and were not run; --real has a model or coding agent write the code and its tests";

  private final RunSettings settings;
  private final RunControl control;
  // What the workers of a remote engine reported running this session's attempts with.
  private final Set<Backend> reported = ConcurrentHashMap.newKeySet();

  RunSession(RunSettings settings, RunControl control) {
    this.settings = settings;
    this.control = control;
  }

  /**
   * @param completedBefore tasks an earlier session completed, with intact output
   * @param earlier the journal records of the sessions this one resumes; null for a new run
   */
  RunOutcome run(
      Plan plan, Path dir, Map<String, TaskResult> completedBefore, List<JsonNode> earlier)
      throws InterruptedException {
    boolean resumed = earlier != null;
    int executors = plan.executorBudget();
    ExecutionContext.Dispatch dispatch = searchedDispatch(plan);
    RunLogFile runLog = RunLogFile.open(RunLayout.log(dir), resumed, settings.secrets());
    try (runLog;
        Journal journal = Journal.open(dir, settings.secrets())) {
      Instant startedAt = settings.clock().instant();
      if (resumed) {
        log.info(
            "resuming: {} of {} tasks completed earlier with intact output",
            completedBefore.size(),
            plan.tasks().size());
      }
      log.info("requirement: {}", plan.requirements());
      Backend planner =
          settings.plannerKind() == null && resumed
              ? JournalRecords.planner(earlier)
              : settings.plannerKind();
      journal.runStarted(startedAt, executors, completedBefore.size(), planner, settings.options());
      List<TaskResult> results;
      try (EventWriter events = eventWriter(journal)) {
        events.on(
            new RunEvent.RunStarted(
                startedAt, plan.tasks().size(), executors, dir, completedBefore.size()));
        results = dispatch(plan, dispatch, dir, events, journal, completedBefore, resumed);
      }
      // A resumed run began with its first session; the pauses between sessions are left out.
      RunRecord record =
          new RunRecord(
              plan,
              executors,
              dir,
              resumed ? JournalRecords.firstStart(earlier, startedAt) : startedAt,
              settings.clock().instant(),
              results,
              planner,
              executor(resumed ? earlier : List.of()),
              resumed ? JournalRecords.pauses(earlier, startedAt) : List.of());
      Summary summary = OutputAssembler.assemble(record, settings.summaryAddition());
      if (settings.verification() != null && !placeholdersOnly(record)) {
        RepairRounds rounds =
            new RepairRounds(
                repairRun(dir, executors),
                record,
                summary,
                fixDispatch(dir, journal),
                control::halted);
        summary =
            control.interruptibly(() -> rounds.verify(settings.verification(), settings.secrets()));
        record = rounds.record();
        results = record.results();
      } else {
        String reason =
            settings.verification() == null ? settings.verificationOff() : PLACEHOLDERS_ONLY;
        summary =
            OutputAssembler.recordVerification(
                record, summary, Verification.notRun(reason), settings.summaryAddition());
      }
      writeReport(dir, record.plan(), summary);
      scrubOutputs(dir);
      boolean interrupted = results.stream().anyMatch(r -> r.status() == TaskStatus.NOT_STARTED);
      Instant end = settings.clock().instant();
      journal.runFinished(end, interrupted);
      ListenerFailures.deliver(
          settings.listener(),
          new RunEvent.RunFinished(
              end,
              count(results, TaskStatus.COMPLETED),
              count(results, TaskStatus.FAILED),
              count(results, TaskStatus.SKIPPED),
              count(results, TaskStatus.NOT_STARTED),
              Duration.between(startedAt, end)));
      return new RunOutcome(record, dir, summary.verification());
    } finally {
      control.clear();
    }
  }

  /**
   * Whether every file of the run was written by simulated executors, so its tests are placeholders
   * that skip themselves: running them (pytest under coverage.py, about 0.7 s) could only report
   * them skipped. A --verify-command is the user's own and still runs.
   */
  private boolean placeholdersOnly(RunRecord record) {
    return record.executor() != null
        && Backend.SIMULATED.equals(record.executor().kind())
        && settings.verification().command() == null
        && settings.verification().project().runOutputsOnly();
  }

  /**
   * What executed the run: the local agents as the options named them, or, on a remote engine, what
   * its workers reported running the attempts with, in this session and the ones it resumes.
   */
  private Backend executor(List<JsonNode> earlier) {
    if (settings.engine() == null) {
      return settings.executorKind();
    }
    List<Backend> all = new ArrayList<>(JournalRecords.executors(earlier));
    all.addAll(reported);
    return Backend.ofAttempts(all);
  }

  /**
   * Runs the verify step with its repair rounds on an earlier, finished run; the summary, README
   * and report then say what it found.
   */
  Verification verify(EarlierRun earlier) {
    Path dir = earlier.directory();
    RunLogFile runLog = RunLogFile.open(RunLayout.log(dir), true, settings.secrets());
    try (runLog;
        Journal journal = Journal.open(dir, settings.secrets())) {
      // A session of the run like a resume: the time since the last one is a pause, not work.
      Instant startedAt = settings.clock().instant();
      List<Pause> pauses = JournalRecords.pauses(JournalRecords.replay(dir), startedAt);
      RunRecord known = earlier.record();
      RunRecord record =
          new RunRecord(
              known.plan(),
              known.executors(),
              dir,
              known.startedAt(),
              known.finishedAt(),
              known.results(),
              known.planner(),
              known.executor(),
              pauses);
      int completed = count(record.results(), TaskStatus.COMPLETED);
      // No options recorded: a later resume runs with the run's own, not verify's.
      journal.runStarted(startedAt, record.executors(), completed, record.planner(), Map.of());
      RepairRounds rounds =
          new RepairRounds(
              repairRun(dir, record.executors()),
              record,
              earlier.summary().withPauses(pauses),
              fixDispatch(dir, journal),
              control::halted);
      Summary summary =
          control.interruptibly(
              () -> rounds.verifyAgain(settings.verification(), settings.secrets()));
      writeReport(dir, rounds.record().plan(), summary);
      scrubOutputs(dir);
      journal.runFinished(settings.clock().instant(), control.halted());
      return summary.verification();
    } finally {
      control.clear();
    }
  }

  private RepairRounds.Run repairRun(Path dir, int executors) {
    return new RepairRounds.Run(
        dir, executors, settings.clock(), settings.listener(), settings.summaryAddition());
  }

  // With what the summary's addition says, as the summary file has it.
  private void writeReport(Path dir, Plan plan, Summary summary) {
    RunReport.writeRun(dir, plan, summary, settings.summaryAddition().fields(summary));
  }

  private EventWriter eventWriter(Journal journal) {
    return EventWriter.start(new JournalRecorder(journal).andThen(settings.listener()));
  }

  // Fix tasks go through the same dispatch, event writer and journal as the run's own tasks.
  private RepairRounds.Dispatch fixDispatch(Path dir, Journal journal) {
    return (plan, completed, round) -> {
      try (EventWriter events = eventWriter(journal)) {
        events.on(
            new RunEvent.RepairRoundStarted(
                settings.clock().instant(),
                round,
                plan.tasks().stream()
                    .map(t -> t.id())
                    .filter(id -> !completed.containsKey(id))
                    .toList(),
                plan.executorBudget()));
        return dispatch(plan, searchedDispatch(plan), dir, events, journal, completed, false);
      }
    };
  }

  private List<TaskResult> dispatch(
      Plan plan,
      ExecutionContext.Dispatch dispatch,
      Path dir,
      RunListener events,
      Journal journal,
      Map<String, TaskResult> completedBefore,
      boolean resumed)
      throws InterruptedException {
    ExecutionContext context =
        new ExecutionContext(
            plan,
            dispatch,
            dir,
            events,
            settings.clock(),
            settings.retryPolicy(),
            journal,
            completedBefore);
    if (settings.engine() != null) {
      return control.run(
          settings.engine(),
          new EngineRun(
              context,
              resumed,
              executor -> {
                if (reported.add(executor)) {
                  journal.executorReported(settings.clock().instant(), executor);
                }
              }));
    }
    return control.run(new PlanExecution(context, settings.agents(), settings.sleeper()));
  }

  // The order simulate predicts with: searched before dispatch, then fed to the same queue.
  private static ExecutionContext.Dispatch searchedDispatch(Plan plan) {
    TaskGraph graph = TaskGraph.of(plan);
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    int[] rank =
        OrderSearch.search(
                plan, graph, conflicts, plan.executorBudget(), OrderSearch.DEFAULT_BUDGET)
            .rank();
    return new ExecutionContext.Dispatch(graph, rank, conflicts);
  }

  // What the run wrote from its results: an agent's error or summary may quote a key it was given.
  private void scrubOutputs(Path dir) {
    for (String name :
        List.of(
            SummaryJson.FILE_NAME,
            ProjectReadme.FILE_NAME,
            RunLayout.REPORT,
            "docs/" + SummaryJson.FILE_NAME)) {
      settings.secrets().scrub(dir.resolve(name));
    }
  }

  private static int count(List<TaskResult> results, TaskStatus status) {
    return (int) results.stream().filter(r -> r.status() == status).count();
  }
}
