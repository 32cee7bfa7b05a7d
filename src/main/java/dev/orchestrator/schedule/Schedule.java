package dev.orchestrator.schedule;

import dev.orchestrator.plan.TaskStatus;
import java.util.Arrays;

/**
 * A dispatch laid out on a clock: when each task ran and on which executor, times in milliseconds
 * from the start. Tasks that never ran have start and end -1 and executor 0.
 */
public final class Schedule {

  private final long[] start;
  private final long[] end;
  private final int[] executor;
  private final TaskStatus[] statuses;
  private final int executors;

  Schedule(long[] start, long[] end, int[] executor, TaskStatus[] statuses, int executors) {
    this.start = start;
    this.end = end;
    this.executor = executor;
    this.statuses = statuses;
    this.executors = executors;
  }

  public int size() {
    return start.length;
  }

  public long start(int task) {
    return start[task];
  }

  public long end(int task) {
    return end[task];
  }

  /** 1-based executor that ran the task, 0 if it never ran. */
  public int executor(int task) {
    return executor[task];
  }

  public TaskStatus status(int task) {
    return statuses[task];
  }

  /** Number of executors M the schedule had. */
  public int executors() {
    return executors;
  }

  /** Time from the start until the last task ended. */
  public long makespan() {
    return Arrays.stream(end).max().orElse(0);
  }

  /** Share of executor time spent running tasks, 0..1; 0 for an empty schedule. */
  public double utilisation() {
    long busy = 0;
    for (int t = 0; t < start.length; t++) {
      if (start[t] >= 0) {
        busy += end[t] - start[t];
      }
    }
    long makespan = makespan();
    return makespan == 0 ? 0 : (double) busy / ((double) executors * makespan);
  }
}
