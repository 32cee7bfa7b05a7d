package dev.orchestrator.output.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaskGraphLayoutTest {

  static final int[] NONE = {};

  @Test
  void puts_each_task_in_the_column_of_its_longest_chain_of_dependencies() {
    // 0 <- 1 <- 2, and 3 depends on 0 and 2: depth 3, not 1.
    TaskGraphLayout layout = TaskGraphLayout.of(new int[][] {NONE, {0}, {1}, {0, 2}, NONE});

    assertThat(
            new int[] {
              layout.column(0),
              layout.column(1),
              layout.column(2),
              layout.column(3),
              layout.column(4)
            })
        .containsExactly(0, 1, 2, 3, 0);
    assertThat(layout.columns()).isEqualTo(4);
  }

  @Test
  void routes_an_edge_that_skips_columns_through_a_placeholder_in_each() {
    TaskGraphLayout layout = TaskGraphLayout.of(new int[][] {NONE, {0}, {1}, {0, 2}});

    int[] longEdge =
        layout.routes().stream()
            .filter(r -> r[0] == 0 && r[r.length - 1] == 3)
            .findFirst()
            .orElseThrow();
    assertThat(longEdge).hasSize(4);
    assertThat(layout.isNode(longEdge[1])).isFalse();
    assertThat(layout.column(longEdge[1])).isEqualTo(1);
    assertThat(layout.column(longEdge[2])).isEqualTo(2);
    assertThat(layout.columnSize(1)).isEqualTo(2);
  }

  @Test
  void orders_columns_by_barycentre_so_that_independent_chains_do_not_cross() {
    // Chains a0 -> a1 and b0 -> b1, listed so that plan order would cross them: b1 before a1.
    int a0 = 0;
    int b0 = 1;
    int b1 = 2;
    int a1 = 3;
    TaskGraphLayout layout = TaskGraphLayout.of(new int[][] {NONE, NONE, {b0}, {a0}});

    assertThat(layout.crossings()).isZero();
    assertThat(layout.row(a1) < layout.row(b1)).isEqualTo(layout.row(a0) < layout.row(b0));
  }

  @Test
  void keeps_plan_order_when_nothing_crosses() {
    TaskGraphLayout layout = TaskGraphLayout.of(new int[][] {NONE, NONE, {0}, {1}});

    assertThat(new int[] {layout.row(0), layout.row(1), layout.row(2), layout.row(3)})
        .containsExactly(0, 1, 0, 1);
  }

  @Test
  void lays_out_an_empty_graph() {
    TaskGraphLayout layout = TaskGraphLayout.of(new int[0][]);

    assertThat(layout.columns()).isZero();
    assertThat(layout.rows()).isZero();
  }

  @Test
  void rejects_a_cycle() {
    assertThatThrownBy(() -> TaskGraphLayout.of(new int[][] {{1}, {0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void counts_the_same_crossings_as_comparing_every_pair_of_edges() {
    Random random = new Random(21);
    for (int round = 0; round < 200; round++) {
      // Two columns, left slots 0..a-1 and right slots a..a+b-1, random edges and orders.
      int a = 1 + random.nextInt(12);
      int b = 1 + random.nextInt(12);
      List<List<Integer>> succ = new ArrayList<>();
      for (int s = 0; s < a + b; s++) {
        succ.add(new ArrayList<>());
      }
      List<int[]> edges = new ArrayList<>();
      for (int s = 0; s < a; s++) {
        for (int t = 0; t < b; t++) {
          if (random.nextInt(3) == 0) {
            succ.get(s).add(a + t);
          }
        }
      }
      int[] position = new int[a + b];
      List<Integer> left = new ArrayList<>();
      List<Integer> right = new ArrayList<>();
      for (int s = 0; s < a; s++) {
        left.add(s);
      }
      for (int t = 0; t < b; t++) {
        right.add(a + t);
      }
      Collections.shuffle(left, random);
      Collections.shuffle(right, random);
      for (int k = 0; k < a; k++) {
        position[left.get(k)] = k;
      }
      for (int k = 0; k < b; k++) {
        position[right.get(k)] = k;
      }
      for (int s = 0; s < a; s++) {
        for (int next : succ.get(s)) {
          edges.add(new int[] {position[s], position[next]});
        }
      }
      long pairs = 0;
      for (int i = 0; i < edges.size(); i++) {
        for (int j = i + 1; j < edges.size(); j++) {
          long sign =
              (long) (edges.get(i)[0] - edges.get(j)[0]) * (edges.get(i)[1] - edges.get(j)[1]);
          pairs += sign < 0 ? 1 : 0;
        }
      }

      assertThat(TaskGraphLayout.crossings(List.of(left, right), succ, position))
          .as("round %d", round)
          .isEqualTo(pairs);
    }
  }
}
