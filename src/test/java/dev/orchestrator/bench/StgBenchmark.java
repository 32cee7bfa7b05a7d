package dev.orchestrator.bench;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.DispatchOrder;
import dev.orchestrator.schedule.OrderSearch;
import dev.orchestrator.schedule.Schedule;
import dev.orchestrator.schedule.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Dispatch orders on the Standard Task Graph Set: for every graph and executor count of the set's
 * {@code Case50_<P>_OPT.csv} files, the simulated makespan of plan order (FIFO), critical-path
 * order and the searched order, against the best known schedule length. Runs on one thread.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Pbench -Dexec.mainClass=dev.orchestrator.bench.StgBenchmark \
 *     -Dexec.args="[STG-DIR] [--budget MS] [--graphs K]"
 * </pre>
 *
 * STG-DIR defaults to {@code ../shared/data/stg}; {@code --budget} is the search budget per case
 * (default {@link OrderSearch#DEFAULT_BUDGET}); {@code --graphs K} keeps the first K graphs.
 */
public final class StgBenchmark {

  private static final int[] EXECUTORS = {2, 4, 8, 16};
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private StgBenchmark() {}

  public static void main(String[] args) {
    Path dir = Path.of("../shared/data/stg");
    Duration budget = OrderSearch.DEFAULT_BUDGET;
    int graphs = Integer.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--budget":
          budget = Duration.ofMillis(Long.parseLong(args[++i]));
          break;
        case "--graphs":
          graphs = Integer.parseInt(args[++i]);
          break;
        default:
          dir = Path.of(args[i]);
      }
    }
    List<Case> cases;
    try {
      cases = cases(dir, graphs);
    } catch (UncheckedIOException e) {
      System.err.println(e.getMessage() + " (" + e.getCause().getMessage() + ")");
      System.exit(2);
      return;
    }
    run(cases, budget, System.out);
  }

  /** One row of the set: a graph on P executors with its best known length (and lower bound). */
  record Case(String file, TaskGraph graph, int executors, long bestKnown, long lowerBound) {
    boolean proven() {
      return bestKnown == lowerBound;
    }
  }

  static List<Case> cases(Path dir, int graphs) {
    Map<String, TaskGraph> loaded = new HashMap<>();
    List<Case> cases = new ArrayList<>();
    for (int p : EXECUTORS) {
      Path csv = dir.resolve("Case50_" + p + "_OPT.csv");
      try (Stream<String> lines = Files.lines(csv)) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.trim().split(",");
          String file = f[0];
          if (!loaded.containsKey(file) && loaded.size() >= graphs) {
            continue;
          }
          TaskGraph graph = loaded.computeIfAbsent(file, name -> StgGraph.read(dir.resolve(name)));
          long lower = Long.parseLong(f[2]) * StgGraph.UNIT_MILLIS;
          long best = f.length > 3 ? Long.parseLong(f[3]) * StgGraph.UNIT_MILLIS : lower;
          cases.add(new Case(file, graph, Integer.parseInt(f[1]), best, lower));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read " + csv + "; give the STG directory as the first argument", e);
      }
    }
    return cases;
  }

  static void run(List<Case> cases, Duration budget, PrintStream out) {
    Tally fifo = new Tally("plan order (FIFO)");
    Tally criticalPath = new Tally("critical path");
    Tally searched = new Tally("searched (" + budget.toMillis() + " ms budget)");
    List<String> beaten = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    int[][] noConflicts = null;
    // Warm the JIT on a few cases so the first plans' times are not compile times.
    for (int k = 0; k < Math.min(20, cases.size()); k++) {
      Case c = cases.get(k);
      OrderSearch.search(
          c.graph(), criticalPath(c.graph()), none(c.graph()), c.executors(), budget);
    }
    for (Case c : cases) {
      TaskGraph g = c.graph();
      noConflicts = none(g);
      int[] planOrder = new int[g.size()];
      Arrays.setAll(planOrder, t -> t);
      fifo.add(c, Simulator.simulate(g, planOrder, noConflicts, c.executors()).makespan(), 0, 0);

      long begin = System.nanoTime();
      long beginCpu = CPU.getCurrentThreadCpuTime();
      int[] cp = criticalPath(g);
      long cpNanos = System.nanoTime() - begin;
      long cpCpu = CPU.getCurrentThreadCpuTime() - beginCpu;
      criticalPath.add(
          c, Simulator.simulate(g, cp, noConflicts, c.executors()).makespan(), cpNanos, cpCpu);

      begin = System.nanoTime();
      beginCpu = CPU.getCurrentThreadCpuTime();
      OrderSearch.Result result = OrderSearch.search(g, cp, noConflicts, c.executors(), budget);
      long searchNanos = System.nanoTime() - begin + cpNanos;
      long searchCpu = CPU.getCurrentThreadCpuTime() - beginCpu + cpCpu;
      long makespan = Simulator.simulate(g, result.rank(), noConflicts, c.executors()).makespan();
      if (makespan != result.makespan()) {
        throw new IllegalStateException(
            c.file()
                + " P="
                + c.executors()
                + ": search reported "
                + result.makespan()
                + " but the simulator gives "
                + makespan);
      }
      searched.add(c, makespan, searchNanos, searchCpu);
      checkFeasible(c, Simulator.simulate(g, result.rank(), noConflicts, c.executors()));
      if (makespan > c.bestKnown()) {
        missed.add(
            String.format(
                Locale.ROOT,
                "  %s  P=%-2d  lower bound %d  best known %d  ours %d  critical path %d",
                c.file(),
                c.executors(),
                minutes(c.lowerBound()),
                minutes(c.bestKnown()),
                minutes(makespan),
                minutes(result.startMakespan())));
      }
      if (makespan < c.bestKnown()) {
        beaten.add(
            String.format(
                Locale.ROOT,
                "  %s  P=%-2d  lower bound %d  best known %d  ours %d%s",
                c.file(),
                c.executors(),
                minutes(c.lowerBound()),
                minutes(c.bestKnown()),
                minutes(makespan),
                makespan == c.lowerBound() ? " (optimal: meets the bound)" : ""));
      }
    }
    out.printf(
        Locale.ROOT,
        "%d cases (%d graphs x P in %s); makespan / best known length%n%n",
        cases.size(),
        cases.stream().map(Case::file).distinct().count(),
        Arrays.toString(EXECUTORS));
    out.printf(
        Locale.ROOT,
        "%-30s %8s %8s %14s %13s %13s %9s %11s%n",
        "order",
        "mean",
        "worst",
        "at/below best",
        "ms per plan",
        "CPU ms/plan",
        "max ms",
        "max CPU ms");
    for (Tally t : List.of(fifo, criticalPath, searched)) {
      out.println(t.row());
    }
    out.println();
    for (int p : EXECUTORS) {
      out.printf(
          Locale.ROOT,
          "P=%-2d  FIFO %s   critical path %s   searched %s%n",
          p,
          fifo.brief(p),
          criticalPath.brief(p),
          searched.brief(p));
    }
    out.println();
    out.println(
        "Cases where the searched order beats the published best known length: " + beaten.size());
    beaten.forEach(out::println);
    out.println("Cases where the searched order is above the best known length: " + missed.size());
    missed.forEach(out::println);
    out.flush();
  }

  // An independent check of a simulated schedule: dependencies respected, at most P at a time.
  private static void checkFeasible(Case c, Schedule schedule) {
    TaskGraph g = c.graph();
    List<long[]> edges = new ArrayList<>();
    for (int t = 0; t < g.size(); t++) {
      for (int d : g.dependencies(t)) {
        if (schedule.start(t) < schedule.end(d)) {
          throw new IllegalStateException(
              c.file() + ": task " + t + " starts before " + d + " ends");
        }
      }
      if (schedule.end(t) - schedule.start(t) != g.duration(t)) {
        throw new IllegalStateException(c.file() + ": task " + t + " has the wrong length");
      }
      edges.add(new long[] {schedule.start(t), 1});
      edges.add(new long[] {schedule.end(t), -1});
    }
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int running = 0;
    for (long[] e : edges) {
      running += (int) e[1];
      if (running > c.executors()) {
        throw new IllegalStateException(c.file() + ": more than P tasks run at " + e[0]);
      }
    }
  }

  private static int[] criticalPath(TaskGraph graph) {
    int[] samePriority = new int[graph.size()];
    Arrays.fill(samePriority, 3);
    return DispatchOrder.criticalPathFirst(graph, samePriority);
  }

  private static int[][] none(TaskGraph graph) {
    int[][] none = new int[graph.size()][];
    Arrays.fill(none, new int[0]);
    return none;
  }

  private static long minutes(long millis) {
    return millis / StgGraph.UNIT_MILLIS;
  }

  /** Makespan ratios and planning times of one order over the cases. */
  private static final class Tally {
    private final String name;
    private final List<Case> cases = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();

    Tally(String name) {
      this.name = name;
    }

    void add(Case c, long makespan, long planningNanos, long planningCpuNanos) {
      cases.add(c);
      ratios.add((double) makespan / c.bestKnown());
      nanos.add(planningNanos);
      cpuNanos.add(planningCpuNanos);
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "%-30s %8.4f %8.4f %13.1f%% %13.2f %13.2f %9.1f %11.1f",
          name,
          mean(ratios),
          ratios.stream().mapToDouble(d -> d).max().orElse(0),
          100 * atBest(ratios),
          nanos.stream().mapToLong(v -> v).average().orElse(0) / 1e6,
          cpuNanos.stream().mapToLong(v -> v).average().orElse(0) / 1e6,
          nanos.stream().mapToLong(v -> v).max().orElse(0) / 1e6,
          cpuNanos.stream().mapToLong(v -> v).max().orElse(0) / 1e6);
    }

    String brief(int executors) {
      List<Double> subset = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        if (cases.get(i).executors() == executors) {
          subset.add(ratios.get(i));
        }
      }
      return String.format(Locale.ROOT, "%.4f %5.1f%%", mean(subset), 100 * atBest(subset));
    }

    private static double mean(List<Double> values) {
      return values.stream().mapToDouble(d -> d).average().orElse(0);
    }

    private static double atBest(List<Double> values) {
      // A ratio of makespan and best known length is exactly 1.0 or below when it reaches it.
      return values.isEmpty()
          ? 0
          : (double) values.stream().filter(r -> r <= 1.0).count() / values.size();
    }
  }
}
