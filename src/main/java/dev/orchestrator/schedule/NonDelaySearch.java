package dev.orchestrator.schedule;

import dev.orchestrator.plan.TaskGraph;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Depth-first branch and bound over the schedules a ready queue can produce: at every instant an
 * idle executor takes some ready task if one can start, so the choice is only which ready tasks
 * start. Every such schedule is the dispatch of the rank that orders tasks by start, so a schedule
 * found here is a rank for the {@link ReadyQueue}. Branches are tried in the preferred order given,
 * and cut when a bound shows they cannot beat the best schedule found. Not thread-safe.
 */
final class NonDelaySearch {

  private static final int WAITING = 0;
  private static final int READY = 1;
  private static final int RUNNING = 2;
  private static final int DONE = 3;

  private final int n;
  private final int executors;
  private final long[] duration;
  private final int[][] predecessors;
  private final int[][] successors;
  private final int[][] conflicts;
  private final long[] tail;
  private final int[] preference;
  private final int[] position;

  /** Bit p is set when the task at preference position p is ready. */
  private final long[] readyBits;

  private final int[] topological;

  private final int[] state;
  private final int[] waitingFor;
  private final int[] runningConflicts;
  private final long[] start;
  private final int[] running;
  private int runningCount;
  private final int[] sequence;
  private int started;
  private long unstartedWork;
  private final long[] earliest;

  private long upper;
  private long lower;
  private long nodes;
  private long nodeBudget;
  private LongSupplier clock;
  private long deadline;
  private boolean late;
  private long nextClockCheck;
  private int[] bestSequence;

  /**
   * @param preference every task once, the branch tried first first
   */
  NonDelaySearch(TaskGraph graph, int[][] conflicts, int executors, int[] preference) {
    this.n = graph.size();
    this.executors = executors;
    this.duration = new long[n];
    this.predecessors = new int[n][];
    this.successors = new int[n][];
    for (int t = 0; t < n; t++) {
      duration[t] = graph.duration(t);
      predecessors[t] = graph.dependencies(t);
      successors[t] = graph.dependents(t);
    }
    this.conflicts = conflicts;
    this.tail = graph.remainingCriticalPath();
    this.preference = preference.clone();
    this.position = new int[n];
    for (int p = 0; p < n; p++) {
      position[preference[p]] = p;
    }
    this.readyBits = new long[(n + 63) >>> 6];
    this.topological = topological();
    this.state = new int[n];
    this.waitingFor = new int[n];
    this.runningConflicts = new int[n];
    this.start = new long[n];
    this.running = new int[n];
    this.sequence = new int[n];
    this.earliest = new long[n];
  }

  /**
   * Looks for a schedule shorter than {@code upperBound}, stopping at {@code lowerBound}, after
   * {@code nodeBudget} nodes or when {@code clock} reaches {@code deadline}.
   *
   * @return the tasks in start order of the best schedule found, or {@code null} if none was
   */
  int[] search(
      long upperBound, long lowerBound, long nodeBudget, LongSupplier clock, long deadline) {
    this.upper = upperBound;
    this.lower = lowerBound;
    this.nodeBudget = nodeBudget;
    this.clock = clock;
    this.deadline = deadline;
    this.late = false;
    this.nextClockCheck = 0;
    this.nodes = 0;
    this.bestSequence = null;
    Arrays.fill(state, WAITING);
    Arrays.fill(readyBits, 0);
    Arrays.fill(runningConflicts, 0);
    runningCount = 0;
    started = 0;
    unstartedWork = 0;
    for (int t = 0; t < n; t++) {
      waitingFor[t] = predecessors[t].length;
      unstartedWork += duration[t];
      if (waitingFor[t] == 0) {
        markReady(t);
      }
    }
    fill(0, 0, executors);
    return bestSequence;
  }

  long upper() {
    return upper;
  }

  long nodes() {
    return nodes;
  }

  /** Whether the last search covered every branch: its result, or none, is the best possible. */
  boolean exhausted() {
    return nodes < nodeBudget && !late;
  }

  private boolean stopped() {
    if (nodes >= nextClockCheck) {
      nextClockCheck = nodes + 1024;
      late = late || clock.getAsLong() >= deadline;
    }
    return upper <= lower || nodes >= nodeBudget || late;
  }

  // At instant now, start ready tasks at preference positions from `from` on, or close the instant.
  private void fill(long now, int from, int idle) {
    boolean blockedBehind = false;
    if (idle > 0) {
      for (int p = nextReady(0); p >= 0; p = nextReady(p + 1)) {
        int t = preference[p];
        if (runningConflicts[t] > 0) {
          continue;
        }
        if (p < from) {
          blockedBehind = true;
          continue;
        }
        if (now + tail[t] >= upper) {
          // This task starts at `now` or later, so the branch cannot beat the best schedule.
          return;
        }
        startTask(t, now);
        nodes++;
        fill(now, p + 1, idle - 1);
        undoStart(t);
        if (stopped()) {
          return;
        }
        blockedBehind = true;
      }
    }
    // Closing the instant is allowed only if no executor stays idle beside a task that could start.
    if (!blockedBehind) {
      advance(now);
    }
  }

  private void advance(long now) {
    if (runningCount == 0) {
      if (started == n) {
        long makespan = 0;
        for (int t = 0; t < n; t++) {
          makespan = Math.max(makespan, start[t] + duration[t]);
        }
        if (makespan < upper) {
          upper = makespan;
          bestSequence = sequence.clone();
        }
      }
      return;
    }
    nodes++;
    long next = Long.MAX_VALUE;
    for (int k = 0; k < runningCount; k++) {
      next = Math.min(next, start[running[k]] + duration[running[k]]);
    }
    if (bound(next) >= upper) {
      return;
    }
    // Finish everything that ends at `next`; remember it to undo.
    int[] wasRunning = Arrays.copyOf(running, runningCount);
    int[] finished = new int[runningCount];
    int finishedCount = 0;
    int released = 0;
    int[] newlyReady = new int[n];
    for (int k = 0; k < runningCount; ) {
      int t = running[k];
      if (start[t] + duration[t] == next) {
        finished[finishedCount++] = t;
        running[k] = running[--runningCount];
        state[t] = DONE;
        for (int c : conflicts[t]) {
          runningConflicts[c]--;
        }
        for (int s : successors[t]) {
          if (--waitingFor[s] == 0) {
            markReady(s);
            newlyReady[released++] = s;
          }
        }
      } else {
        k++;
      }
    }
    fill(next, 0, executors - runningCount);
    for (int r = 0; r < released; r++) {
      int t = newlyReady[r];
      state[t] = WAITING;
      readyBits[position[t] >>> 6] &= ~(1L << position[t]);
    }
    for (int f = finishedCount - 1; f >= 0; f--) {
      int t = finished[f];
      for (int s : successors[t]) {
        waitingFor[s]++;
      }
      for (int c : conflicts[t]) {
        runningConflicts[c]++;
      }
      state[t] = RUNNING;
    }
    System.arraycopy(wasRunning, 0, running, 0, wasRunning.length);
    runningCount = wasRunning.length;
  }

  // A length no completion of the current partial schedule can beat; `next` is the next end.
  private long bound(long next) {
    long bound = 0;
    long available = 0;
    for (int k = 0; k < runningCount; k++) {
      int t = running[k];
      long end = start[t] + duration[t];
      bound = Math.max(bound, start[t] + tail[t]);
      available += end;
    }
    // Executors without a task can take one at `next` at the earliest.
    available += (long) (executors - runningCount) * next;
    bound = Math.max(bound, (available + unstartedWork + executors - 1) / executors);
    for (int t : topological) {
      if (state[t] == RUNNING || state[t] == DONE) {
        earliest[t] = start[t];
        continue;
      }
      long at = next;
      for (int p : predecessors[t]) {
        at = Math.max(at, earliest[p] + duration[p]);
      }
      earliest[t] = at;
      bound = Math.max(bound, at + tail[t]);
    }
    return bound;
  }

  private void markReady(int t) {
    state[t] = READY;
    readyBits[position[t] >>> 6] |= 1L << position[t];
  }

  /** The first preference position at or after {@code p} whose task is ready, or -1. */
  private int nextReady(int p) {
    int word = p >>> 6;
    if (word >= readyBits.length) {
      return -1;
    }
    long bits = readyBits[word] & (-1L << p);
    while (bits == 0) {
      if (++word == readyBits.length) {
        return -1;
      }
      bits = readyBits[word];
    }
    return word * 64 + Long.numberOfTrailingZeros(bits);
  }

  private void startTask(int t, long now) {
    readyBits[position[t] >>> 6] &= ~(1L << position[t]);
    state[t] = RUNNING;
    start[t] = now;
    running[runningCount++] = t;
    sequence[started++] = t;
    unstartedWork -= duration[t];
    for (int c : conflicts[t]) {
      runningConflicts[c]++;
    }
  }

  private void undoStart(int t) {
    markReady(t);
    runningCount--;
    started--;
    unstartedWork += duration[t];
    for (int c : conflicts[t]) {
      runningConflicts[c]--;
    }
  }

  private int[] topological() {
    int[] waiting = new int[n];
    int[] order = new int[n];
    int end = 0;
    for (int t = 0; t < n; t++) {
      waiting[t] = predecessors[t].length;
      if (waiting[t] == 0) {
        order[end++] = t;
      }
    }
    for (int head = 0; head < end; head++) {
      for (int s : successors[order[head]]) {
        if (--waiting[s] == 0) {
          order[end++] = s;
        }
      }
    }
    return order;
  }
}
