package dev.orchestrator.bench;

import com.github.dexecutor.core.DefaultDexecutor;
import com.github.dexecutor.core.DexecutorConfig;
import com.github.dexecutor.core.ExecutionConfig;
import com.github.dexecutor.core.task.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.schedule.DispatchListener;
import dev.orchestrator.schedule.DispatchOrder;
import dev.orchestrator.schedule.Dispatcher;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What dispatching costs per task: a random DAG of no-op tasks (each depending on up to 3 of the 64
 * tasks before it) run on real threads by our {@link Dispatcher}, by a graph of {@link
 * CompletableFuture}s on a fixed pool, and by Dexecutor (at 10k tasks only: it is slow beyond). The
 * same number of threads everywhere. {@code main} runs JMH and prints microseconds per task; JMH
 * options (e.g. {@code -p tasks=100000 -p executors=2}) pass through.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class DispatchOverhead {

  private static final Runnable NOTHING = () -> {};

  /** A graph and a pool of threads. */
  @State(Scope.Benchmark)
  public static class Workload {
    @Param({"10000", "100000", "1000000"})
    public int tasks;

    @Param({"4"})
    public int executors;

    TaskGraph graph;
    int[] rank;
    int[][] conflicts;
    ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() {
      graph = RandomGraphs.dag(tasks, 3, 64, 42);
      int[] priority = new int[tasks];
      Arrays.fill(priority, 3);
      rank = DispatchOrder.criticalPathFirst(graph, priority);
      conflicts = RandomGraphs.noConflicts(tasks);
      pool = Executors.newFixedThreadPool(executors);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      pool.shutdownNow();
    }
  }

  /** The same, at the one size Dexecutor is measured at. */
  @State(Scope.Benchmark)
  public static class DexecutorWorkload {
    @Param({"10000"})
    public int dexecutorTasks;

    @Param({"4"})
    public int executors;

    TaskGraph graph;
    ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() {
      graph = RandomGraphs.dag(dexecutorTasks, 3, 64, 42);
      pool = Executors.newFixedThreadPool(executors);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      pool.shutdownNow();
    }
  }

  @Benchmark
  public TaskStatus[] dispatcher(Workload w) throws InterruptedException {
    Dispatcher dispatcher = new Dispatcher(w.graph, w.rank, w.conflicts, w.executors, Thread::new);
    return dispatcher.run((task, executor) -> true, DispatchListener.NONE);
  }

  @Benchmark
  public Object completableFutures(Workload w) {
    TaskGraph graph = w.graph;
    CompletableFuture<?>[] futures = new CompletableFuture<?>[graph.size()];
    // RandomGraphs numbers every task after its dependencies.
    for (int t = 0; t < graph.size(); t++) {
      int[] deps = graph.dependencies(t);
      if (deps.length == 0) {
        futures[t] = CompletableFuture.runAsync(NOTHING, w.pool);
      } else if (deps.length == 1) {
        futures[t] = futures[deps[0]].thenRunAsync(NOTHING, w.pool);
      } else {
        CompletableFuture<?>[] before = new CompletableFuture<?>[deps.length];
        for (int k = 0; k < deps.length; k++) {
          before[k] = futures[deps[k]];
        }
        futures[t] = CompletableFuture.allOf(before).thenRunAsync(NOTHING, w.pool);
      }
    }
    return CompletableFuture.allOf(futures).join();
  }

  @Benchmark
  public Object dexecutor(DexecutorWorkload w) {
    DefaultDexecutor<Integer, Integer> dexecutor =
        new DefaultDexecutor<>(new DexecutorConfig<>(w.pool, NoOp::new));
    TaskGraph graph = w.graph;
    for (int t = 0; t < graph.size(); t++) {
      int[] deps = graph.dependencies(t);
      if (deps.length == 0) {
        dexecutor.addIndependent(t);
      }
      for (int d : deps) {
        dexecutor.addDependency(d, t);
      }
    }
    return dexecutor.execute(ExecutionConfig.TERMINATING);
  }

  /** A Dexecutor task that does nothing. */
  static final class NoOp extends Task<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final int id;

    NoOp(Integer id) {
      this.id = id;
    }

    @Override
    public Integer execute() {
      return id;
    }
  }

  /** Runs the benchmarks and prints microseconds per task. */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions given = new CommandLineOptions(args);
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .parent(given)
                    .include(DispatchOverhead.class.getName() + "\\.")
                    .build())
            .run();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-20s %10s %10s %12s %14s%n",
        "dispatch by",
        "tasks",
        "executors",
        "ms per run",
        "us per task");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      String tasks =
          method.equals("dexecutor")
              ? r.getParams().getParam("dexecutorTasks")
              : r.getParams().getParam("tasks");
      double ms = r.getPrimaryResult().getScore();
      System.out.printf(
          Locale.ROOT,
          "%-20s %10s %10s %12.1f %14.3f%n",
          method,
          tasks,
          r.getParams().getParam("executors"),
          ms,
          ms * 1000 / Integer.parseInt(tasks));
    }
  }
}
