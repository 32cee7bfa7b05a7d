package dev.orchestrator.schedule;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the tasks of a graph on M executor threads that take ready tasks from one queue.
 *
 * <p>A task becomes ready the moment its last dependency completes, and a waiting executor is woken
 * for it at once: executors block on a condition, never poll or sleep. Fast executors simply take
 * more tasks. A failed task's transitive dependents are skipped; independent tasks still run. Tasks
 * that conflict by declared files never run at the same time.
 *
 * <p>One dispatcher serves one {@link #run}; {@link #stop} may be called from any thread.
 */
public final class Dispatcher {

  private final TaskGraph graph;
  private final int[] rank;
  private final int[][] conflicts;
  private final int executors;
  private final ThreadFactory threads;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workOrEnd = lock.newCondition();

  @GuardedBy("lock")
  private ReadyQueue queue;

  @GuardedBy("lock")
  private boolean stopRequested;

  @GuardedBy("lock")
  private Throwable workerFailure;

  private final List<Thread> workers = new CopyOnWriteArrayList<>();

  /**
   * @param rank dispatch rank per task (see {@link DispatchOrder}), lower first
   * @param conflicts per task, the tasks it must not run beside (see {@code FileConflicts})
   * @param executors number of executor threads M, at least 1
   * @param threads makes the executor threads
   */
  public Dispatcher(
      TaskGraph graph, int[] rank, int[][] conflicts, int executors, ThreadFactory threads) {
    if (executors < 1) {
      throw new IllegalArgumentException("executors must be at least 1, was " + executors);
    }
    this.graph = graph;
    this.rank = rank.clone();
    this.conflicts = conflicts;
    this.executors = executors;
    this.threads = threads;
  }

  /**
   * Runs every task once, or until {@link #stop}.
   *
   * @return the final status of each task by position
   * @throws InterruptedException if the calling thread is interrupted; the executors are
   *     interrupted and joined before this returns
   */
  public TaskStatus[] run(TaskWork work, DispatchListener listener) throws InterruptedException {
    return run(work, listener, new BitSet());
  }

  /**
   * Runs every task that has not completed yet once, or until {@link #stop} or {@link #cancel}.
   *
   * @param completed tasks that completed in an earlier run; they count as completed and are not
   *     run
   * @return the final status of each task by position
   * @throws InterruptedException if the calling thread is interrupted; the executors are
   *     interrupted and joined before this returns
   */
  public TaskStatus[] run(TaskWork work, DispatchListener listener, BitSet completed)
      throws InterruptedException {
    lock.lock();
    try {
      if (queue != null) {
        throw new IllegalStateException("a dispatcher runs once");
      }
      queue = new ReadyQueue(graph, rank, conflicts, completed, listener);
      if (stopRequested) {
        queue.stop(); // a stop that came before the run still counts
      }
    } finally {
      lock.unlock();
    }
    for (int executor = 1; executor <= Math.min(executors, Math.max(graph.size(), 1)); executor++) {
      int id = executor;
      Thread thread = threads.newThread(() -> workLoop(id, work));
      workers.add(thread);
      thread.start();
    }
    try {
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      stop();
      workers.forEach(Thread::interrupt);
      for (Thread worker : workers) {
        worker.join();
      }
      throw e;
    }
    // Without the lock: every executor has been joined, and join orders their writes before this.
    if (workerFailure != null) {
      throw new IllegalStateException("an executor thread failed", workerFailure);
    }
    lock.lock();
    try {
      return queue.statuses();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops handing out tasks; running tasks finish and their results count. A stop before {@link
   * #run} makes the run start nothing.
   */
  public void stop() {
    lock.lock();
    try {
      stopRequested = true;
      if (queue != null) {
        queue.stop();
      }
      workOrEnd.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops handing out tasks and interrupts the running ones: work that ends by throwing {@link
   * InterruptedException} counts as not started, so a later run can do it again.
   */
  public void cancel() {
    stop();
    workers.forEach(Thread::interrupt);
  }

  private void workLoop(int executor, TaskWork work) {
    try {
      takeAndRun(executor, work);
    } catch (RuntimeException | Error e) {
      // A listener that throws under the lock: end the run instead of leaving others waiting.
      recordFailure(e);
    }
  }

  private void takeAndRun(int executor, TaskWork work) {
    int task = -1;
    boolean succeeded = false;
    while (true) {
      lock.lock();
      try {
        if (task >= 0) {
          int released = queue.finish(task, executor, succeeded);
          // This thread takes one of the released tasks itself; wake others for the rest.
          for (int k = 1; k < released; k++) {
            workOrEnd.signal();
          }
        }
        task = queue.take(executor);
        while (task < 0) {
          if (queue.done() || workerFailure != null) {
            workOrEnd.signalAll();
            return;
          }
          workOrEnd.await();
          task = queue.take(executor);
        }
      } catch (InterruptedException e) {
        queue.stop();
        workOrEnd.signalAll();
        return;
      } finally {
        lock.unlock();
      }
      try {
        succeeded = work.run(task, executor);
      } catch (InterruptedException e) {
        abandon(task);
        return;
      } catch (RuntimeException | Error e) {
        // Work is expected to report failure by returning false; anything thrown is a bug that
        // must not leave the other executors waiting forever.
        succeeded = false;
        recordFailure(e);
      }
    }
  }

  private void abandon(int task) {
    lock.lock();
    try {
      queue.abandon(task);
      workOrEnd.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void recordFailure(Throwable e) {
    lock.lock();
    try {
      if (workerFailure == null) {
        workerFailure = e;
      } else {
        workerFailure.addSuppressed(e);
      }
      queue.stop();
      workOrEnd.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
