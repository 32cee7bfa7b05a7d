package dev.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The indexed conflict search finds exactly the pairs comparing every task with every other does.
 */
class FileConflictsProperties {

  @Provide
  Arbitrary<List<List<String>>> claims() {
    Arbitrary<String> segment =
        Arbitraries.of("src", "api", "ui", "*", "**", "a.py", "*.py", "{a,b}", "[ab]*", "?i");
    Arbitrary<String> claim =
        segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
    return claim.list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 300)
  void indexed_pairs_equal_the_pairs_of_all_against_all(
      @ForAll("claims") List<List<String>> claims, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<Task> tasks = new ArrayList<>();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      tasks.add(
          new Task(
              "t" + i,
              "T" + i,
              "d",
              3,
              Effort.LOW,
              Duration.ofMinutes(10),
              List.of(),
              claims.get(i)));
      if (i > 0 && random.nextBoolean()) {
        dependencies.put("t" + i, List.of("t" + random.nextInt(i)));
      }
    }
    Plan plan =
        new Plan(
            "r",
            new Complexity(10, "", List.of(), List.of()),
            2,
            Plan.TASK_QUEUE,
            tasks,
            dependencies,
            "",
            "",
            null);
    TaskGraph graph = TaskGraph.of(plan);

    List<int[]> expected = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      for (int j = i + 1; j < tasks.size(); j++) {
        if (!graph.dependsTransitively(i, j)
            && !graph.dependsTransitively(j, i)
            && FilePatterns.overlap(claims.get(i), claims.get(j))) {
          expected.add(new int[] {i, j});
        }
      }
    }

    assertThat(FileConflicts.pairs(plan, graph)).containsExactlyElementsOf(expected);
  }
}
