package dev.orchestrator.run;

import dev.orchestrator.Interrupter;
import dev.orchestrator.output.TaskResult;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stop and cancel requests, and the run they reach: a local execution, a remote engine's run, or
 * the thread of a step outside them (planning, the verify step). A request made between runs
 * reaches the next run; each run clears the requests when it ends, so none outlives the run it was
 * meant for. Thread-safe.
 */
final class RunControl {

  private volatile boolean cancelRequested;
  private volatile boolean stopRequested;
  private volatile Halting running;
  private volatile Interrupter step;

  boolean cancelRequested() {
    return cancelRequested;
  }

  /** Whether the run should start nothing more: cancelled or stopped. */
  boolean halted() {
    return cancelRequested || stopRequested;
  }

  void cancel() {
    cancelRequested = true;
    Halting run = running;
    if (run != null) {
      run.cancel();
    }
    Interrupter stepping = step;
    if (stepping != null) {
      stepping.interrupt();
    }
  }

  void stop() {
    stopRequested = true;
    Halting run = running;
    if (run != null) {
      run.stop();
    }
  }

  /** Runs a local execution, passing on a request that came before it started. */
  List<TaskResult> run(PlanExecution execution) throws InterruptedException {
    return run(execution, execution::execute);
  }

  /** Runs a remote engine's run, passing on a request that came before it started. */
  List<TaskResult> run(Engine engine, EngineRun run) throws InterruptedException {
    // An adapter, so that stop and cancel stay out of EngineRun's public face: engines hear them
    // through onStop and onCancel.
    Halting halting =
        new Halting() {
          @Override
          public void stop() {
            run.stop();
          }

          @Override
          public void cancel() {
            run.cancel();
          }
        };
    return run(halting, () -> engine.execute(run));
  }

  private List<TaskResult> run(Halting run, Execution execution) throws InterruptedException {
    running = run;
    try {
      if (cancelRequested) {
        run.cancel();
      } else if (stopRequested) {
        run.stop();
      }
      return execution.execute();
    } finally {
      running = null;
    }
  }

  /**
   * Runs a step outside a run's execution (planning, the verify step) on this thread, where a
   * cancel interrupts it: a planner's or a test command's process ends with it.
   */
  <T> T interruptibly(Supplier<T> work) {
    Interrupter interrupter = new Interrupter();
    step = interrupter;
    try {
      return work.get();
    } finally {
      step = null;
      // A cancel that read the step as it ended can no longer interrupt this thread (the report is
      // written next, and an interrupt would close its channel); one that did is cleared.
      // cancelRequested keeps it.
      interrupter.withdraw();
    }
  }

  /** The run ended: requests made for it are spent. */
  void clear() {
    cancelRequested = false;
    stopRequested = false;
  }

  /** A run's execution, on the calling thread. */
  private interface Execution {
    List<TaskResult> execute() throws InterruptedException;
  }
}
