package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decisions alone, driven by hand; positions are ids: 0 is task_1. */
class ReadyQueueTest {

  private final List<String> heard = new ArrayList<>();

  private final DispatchListener recorder =
      new DispatchListener() {
        @Override
        public void ready(int task) {
          heard.add("ready " + (task + 1));
        }

        @Override
        public void started(int task, int executor) {
          heard.add("started " + (task + 1) + " on " + executor);
        }

        @Override
        public void finished(int task, int executor, boolean succeeded) {
          heard.add((succeeded ? "completed " : "failed ") + (task + 1));
        }

        @Override
        public void skipped(int task, int failedDependency) {
          heard.add("skipped " + (task + 1) + " for " + (failedDependency + 1));
        }
      };

  /** Rank by position: task_1 first. */
  private ReadyQueue queue(int[][] dependencies, int[][] conflicts) {
    int n = dependencies.length;
    int[] rank = new int[n];
    for (int t = 0; t < n; t++) {
      rank[t] = t;
    }
    return new ReadyQueue(
        TaskGraph.ofIndices(dependencies, new long[n]), rank, conflicts, new BitSet(), recorder);
  }

  private ReadyQueue queue(int[]... dependencies) {
    return queue(dependencies, new int[dependencies.length][0]);
  }

  @Nested
  @DisplayName("when new")
  class WhenNew {

    @Test
    @DisplayName("tasks without dependencies are ready")
    void roots_are_ready() {
      queue(new int[] {}, new int[] {0}, new int[] {});

      assertThat(heard).containsExactly("ready 1", "ready 3");
    }

    @Test
    @DisplayName("needs a rank and a conflict list for every task")
    void sizes_must_match() {
      TaskGraph graph = TaskGraph.ofIndices(new int[2][0], new long[2]);

      assertThatThrownBy(
              () -> new ReadyQueue(graph, new int[1], new int[2][0], new BitSet(), recorder))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rank and conflicts must have one entry per task");
    }
  }

  @Nested
  @DisplayName("taking")
  class Taking {

    @Test
    @DisplayName("hands out ready tasks lowest rank first, then nothing")
    void lowest_rank_first() {
      ReadyQueue queue = queue(new int[] {}, new int[] {}, new int[] {0});

      assertThat(queue.take(1)).isZero();
      assertThat(queue.take(2)).isEqualTo(1);
      assertThat(queue.take(3)).isEqualTo(-1);
      assertThat(queue.running()).isEqualTo(2);
      assertThat(heard).endsWith("started 1 on 1", "started 2 on 2");
    }

    @Test
    @DisplayName("parks a task that conflicts with a running one until that one ends")
    void conflicts_wait() {
      ReadyQueue queue = queue(new int[][] {{}, {}, {}}, new int[][] {{1}, {0}, {}});
      assertThat(queue.take(1)).isZero();

      assertThat(queue.take(2)).as("task_2 is parked, task_3 goes").isEqualTo(2);
      assertThat(queue.take(3)).isEqualTo(-1);
      assertThat(queue.hasDispatchable()).isFalse();

      assertThat(queue.finish(0, 1, true)).as("released").isEqualTo(1);
      assertThat(queue.hasDispatchable()).isTrue();
      assertThat(queue.take(1)).isEqualTo(1);
    }

    @Test
    @DisplayName("hands out nothing once stopped")
    void stopped() {
      ReadyQueue queue = queue(new int[] {}, new int[] {});

      queue.stop();

      assertThat(queue.take(1)).isEqualTo(-1);
      assertThat(queue.stopped()).isTrue();
      assertThat(queue.done()).isTrue();
      assertThat(queue.statuses()).containsOnly(TaskStatus.NOT_STARTED);
    }
  }

  @Nested
  @DisplayName("finishing")
  class Finishing {

    @Test
    @DisplayName("a completion readies the dependents whose last dependency it was")
    void completion_readies() {
      // task_3 needs task_1 and task_2; task_4 needs task_1.
      ReadyQueue queue = queue(new int[] {}, new int[] {}, new int[] {0, 1}, new int[] {0});
      queue.take(1);
      queue.take(2);

      assertThat(queue.finish(0, 1, true)).isEqualTo(1);
      assertThat(heard).endsWith("completed 1", "ready 4");
      assertThat(queue.finish(1, 2, true)).isEqualTo(1);
      assertThat(heard).endsWith("completed 2", "ready 3");
    }

    @Test
    @DisplayName("a failure skips every transitive dependent, naming the failed task")
    void failure_skips() {
      // task_1 -> task_2 -> task_3; task_4 stands alone.
      ReadyQueue queue = queue(new int[] {}, new int[] {0}, new int[] {1}, new int[] {});
      queue.take(1);

      assertThat(queue.finish(0, 1, false)).isZero();

      assertThat(heard).endsWith("failed 1", "skipped 2 for 1", "skipped 3 for 1");
      assertThat(queue.take(1)).isEqualTo(3);
      queue.finish(3, 1, true);
      assertThat(queue.done()).isTrue();
      assertThat(queue.statuses())
          .containsExactly(
              TaskStatus.FAILED, TaskStatus.SKIPPED, TaskStatus.SKIPPED, TaskStatus.COMPLETED);
    }

    @Test
    @DisplayName("finishing a task that is not running is a bug")
    void not_running() {
      ReadyQueue queue = queue(new int[] {});

      assertThatThrownBy(() -> queue.finish(0, 1, true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("task_1 finished but was not running");
    }

    @Test
    @DisplayName("the dispatch is not done while a task runs")
    void done_when_nothing_runs() {
      ReadyQueue queue = queue(new int[] {});
      queue.take(1);

      assertThat(queue.done()).isFalse();
      queue.finish(0, 1, true);
      assertThat(queue.done()).isTrue();
    }
  }
}
