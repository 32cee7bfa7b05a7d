package dev.orchestrator.bench;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.schedule.DispatchListener;
import dev.orchestrator.schedule.DispatchOrder;
import dev.orchestrator.schedule.Dispatcher;
import dev.orchestrator.schedule.OrderSearch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far a real threaded dispatch lands from {@code simulate}'s prediction: each STG graph runs on
 * P executor threads with the searched rank, every task sleeping its estimated duration on a scaled
 * clock, and the measured makespan is compared with the predicted one. By default one estimated
 * minute is 10 real milliseconds and the first 5 graphs run (20 cases, about 30 seconds).
 *
 * <pre>
 * bench/scaled.sh [STG-DIR] [--micros-per-minute N] [--graphs K]
 * </pre>
 */
public final class ScaledRunCheck {

  private ScaledRunCheck() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of("../shared/data/stg");
    long microsPerMinute = 10_000;
    int graphs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--micros-per-minute":
          microsPerMinute = Long.parseLong(args[++i]);
          break;
        case "--graphs":
          graphs = Integer.parseInt(args[++i]);
          break;
        default:
          dir = Path.of(args[i]);
      }
    }
    List<StgBenchmark.Case> cases = StgBenchmark.cases(dir, graphs);
    double sumRelative = 0;
    double worstRelative = 0;
    double sumExcessMicros = 0;
    LongAdder oversleep = new LongAdder();
    long tasks = 0;
    for (StgBenchmark.Case c : cases) {
      TaskGraph g = c.graph();
      int[][] none = RandomGraphs.noConflicts(g.size());
      int[] priority = new int[g.size()];
      Arrays.fill(priority, 3);
      OrderSearch.Result searched =
          OrderSearch.search(
              g,
              DispatchOrder.criticalPathFirst(g, priority),
              none,
              c.executors(),
              OrderSearch.DEFAULT_BUDGET);
      double predictedMicros =
          searched.makespan() / (double) StgGraph.UNIT_MILLIS * microsPerMinute;
      long scale = microsPerMinute;
      Dispatcher dispatcher = new Dispatcher(g, searched.rank(), none, c.executors(), Thread::new);
      long begin = System.nanoTime();
      dispatcher.run(
          (task, executor) -> {
            long asked = g.duration(task) / StgGraph.UNIT_MILLIS * scale;
            long slept = System.nanoTime();
            TimeUnit.MICROSECONDS.sleep(asked);
            oversleep.add((System.nanoTime() - slept) / 1_000 - asked);
            return true;
          },
          DispatchListener.NONE);
      double measuredMicros = (System.nanoTime() - begin) / 1_000.0;
      double relative = measuredMicros / predictedMicros - 1;
      sumRelative += relative;
      worstRelative = Math.max(worstRelative, relative);
      sumExcessMicros += measuredMicros - predictedMicros;
      tasks += g.size();
    }
    System.out.printf(
        Locale.ROOT,
        "%d cases, one estimated minute = %d us: measured makespan vs predicted%n"
            + "  mean %+.2f%%, worst %+.2f%%, mean excess %.0f us per run;%n"
            + "  the operating system woke each sleeping task %.0f us late on average%n",
        cases.size(),
        microsPerMinute,
        100 * sumRelative / cases.size(),
        100 * worstRelative,
        sumExcessMicros / cases.size(),
        oversleep.doubleValue() / tasks);
  }
}
