package dev.orchestrator.plan;

import static dev.orchestrator.plan.PlanFixture.plan;
import static dev.orchestrator.plan.PlanFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanJsonTest {

  private static final String SOURCE = "plan.json";

  private static Plan fullPlan() {
    return new Plan(
        "Build a todo list app with backend API and frontend UI",
        new Complexity(65, "api and ui", List.of("crud", "auth"), List.of("api", "ui", "db")),
        3,
        Plan.TASK_QUEUE,
        List.of(
            task("task_1", Duration.ofMinutes(30), "src/db/**"),
            new Task(
                "task_2",
                "API",
                "REST endpoints",
                1,
                Effort.HIGH,
                Duration.ofMinutes(90),
                List.of("GET /todos lists todos", "POST /todos adds one"),
                List.of("src/api/**", "tests/api/**")),
            new Task(
                "task_3",
                "UI",
                "The page",
                5,
                Effort.LOW,
                Duration.ofHours(2),
                List.of(),
                List.of()),
            task("task_4", Duration.ofSeconds(45))),
        Map.of(
            "task_2", List.of("task_1"),
            "task_3", List.of("task_2"),
            "task_4", List.of("task_2", "task_3")),
        "critical path first",
        "hand-checked",
        null);
  }

  /** A valid plan as a JSON tree, for cases that break one thing of it. */
  private static ObjectNode validTree() {
    return tree(plan().with("task_1").with("task_2", "task_1").with("task_3", "task_2").build());
  }

  private static ObjectNode tree(Plan plan) {
    return (ObjectNode) read(PlanJson.write(plan));
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode taskNode(ObjectNode plan, String id) {
    for (JsonNode task : plan.get("tasks")) {
      if (task.get("id").asText().equals(id)) {
        return (ObjectNode) task;
      }
    }
    throw new AssertionError("no " + id);
  }

  private static InvalidPlanException rejection(ObjectNode tree) {
    return catchThrowableOfType(
        InvalidPlanException.class, () -> PlanJson.parse(tree.toString(), SOURCE));
  }

  @Nested
  @DisplayName("a valid plan")
  class ValidPlan {

    @Test
    @DisplayName("reads back equal to what was written")
    void round_trips_as_text() {
      Plan plan = fullPlan();

      assertThat(PlanJson.parse(PlanJson.write(plan), SOURCE)).isEqualTo(plan);
    }

    @Test
    @DisplayName("reads back its forecast equal to what was written")
    void round_trips_a_forecast() {
      Plan plan = fullPlan().withForecast(new PlanForecast(3, Duration.ofMinutes(210), 2.0, 4));

      String json = PlanJson.write(plan);

      assertThat(json)
          .contains(
              "\"forecast\" : {\n    \"executors\" : 3,\n    \"predicted_makespan\" : \"3hrs30min\"");
      assertThat(PlanJson.parse(json, SOURCE)).isEqualTo(plan);
      assertThat(PlanJson.write(fullPlan())).doesNotContain("forecast");
    }

    @Test
    @DisplayName("reads back from a real file equal to what was written")
    void round_trips_through_a_file(@TempDir Path dir) throws IOException {
      Path file = dir.resolve(PlanJson.FILE_NAME);
      PlanJson.write(fullPlan(), file);

      assertThat(PlanJson.read(file)).isEqualTo(fullPlan());
    }

    @Test
    @DisplayName("is written with the contract's field names in the contract's order")
    void field_order() {
      JsonNode json = read(PlanJson.write(fullPlan()));

      assertThat(json.fieldNames())
          .toIterable()
          .containsExactly(
              "requirements",
              "complexity",
              "num_tasks",
              "executor_budget",
              "execution_model",
              "tasks",
              "dependencies",
              "execution_strategy",
              "notes");
      assertThat(json.get("tasks").get(1).fieldNames())
          .toIterable()
          .containsExactly(
              "id",
              "name",
              "description",
              "priority",
              "estimated_effort",
              "estimated_duration",
              "acceptance_criteria",
              "files");
      assertThat(json.get("num_tasks").intValue()).isEqualTo(4);
      assertThat(json.get("tasks").get(1).get("estimated_duration").asText()).isEqualTo("1hr30min");
    }

    @Test
    @DisplayName("leaves out files when a task declares none")
    void no_files_field() {
      JsonNode json = read(PlanJson.write(fullPlan()));

      assertThat(json.get("tasks").get(2).has("files")).isFalse();
    }

    @Test
    @DisplayName("written by hand, needs only requirements and tasks; the rest has defaults")
    void minimal_hand_written_plan() {
      String json =
          """
          {"requirements": "a CLI",
           "tasks": [{"id": "task_1", "name": "CLI", "description": "main", "priority": 2,
                      "estimated_effort": "Low", "estimated_duration": "1.5 hours",
                      "acceptance_criteria": []}]}
          """;

      Plan plan = PlanJson.parse(json, SOURCE);

      assertThat(plan.executorBudget()).isEqualTo(1);
      assertThat(plan.executionModel()).isEqualTo(Plan.TASK_QUEUE);
      assertThat(plan.dependencies()).isEmpty();
      assertThat(plan.tasks().get(0).estimatedEffort()).isEqualTo(Effort.LOW);
      assertThat(plan.tasks().get(0).estimatedDuration()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    @DisplayName("ignores num_tasks on reading: the task list decides")
    void num_tasks_is_ignored() {
      ObjectNode tree = validTree();
      tree.put("num_tasks", 99);

      assertThat(PlanJson.parse(tree.toString(), SOURCE).tasks()).hasSize(3);
    }
  }

  @Nested
  @DisplayName("a plan that cannot be run is rejected with a message naming the task and the fix")
  class InvalidPlan {

    static Stream<Arguments> badPlans() {
      return Stream.of(
          bad(
              "duplicate ids",
              tree -> {
                taskNode(tree, "task_3").put("id", "task_1");
                ((ObjectNode) tree.get("dependencies")).remove("task_3");
              },
              "task id task_1 is used by 2 tasks; give each task its own id"),
          bad(
              "unknown dependency",
              tree -> ((ArrayNode) tree.get("dependencies").get("task_3")).add("task_9"),
              "task_3 depends on task_9, which is not in the plan; add task_9 or remove the"
                  + " dependency"),
          bad(
              "dependencies of a task not in the plan",
              tree -> ((ObjectNode) tree.get("dependencies")).putArray("task_7").add("task_1"),
              "dependencies lists task_7, which is not in the plan; add the task or remove the"
                  + " entry"),
          bad(
              "self dependency",
              tree -> ((ArrayNode) tree.get("dependencies").get("task_2")).add("task_2"),
              "task_2 depends on itself; remove task_2 from its own dependencies"),
          bad(
              "missing name",
              tree -> taskNode(tree, "task_2").remove("name"),
              "task_2 is missing the field \"name\""),
          bad(
              "missing acceptance criteria",
              tree -> taskNode(tree, "task_2").remove("acceptance_criteria"),
              "task_2 is missing the field \"acceptance_criteria\""),
          bad(
              "missing id, named by position",
              tree -> taskNode(tree, "task_2").remove("id"),
              "task #2 is missing the field \"id\""),
          bad(
              "missing tasks",
              tree -> tree.remove("tasks"),
              "the plan is missing the field \"tasks\""),
          bad(
              "priority above the range",
              tree -> taskNode(tree, "task_2").put("priority", 9),
              "task_2 has priority 9; use 1 (highest) to 5 (lowest)"),
          bad(
              "priority below the range",
              tree -> taskNode(tree, "task_2").put("priority", 0),
              "task_2 has priority 0; use 1 (highest) to 5 (lowest)"),
          bad(
              "priority not a whole number",
              tree -> taskNode(tree, "task_2").put("priority", 1.5),
              "task_2 has priority = 1.5; it must be a whole number"),
          bad(
              "bad effort",
              tree -> taskNode(tree, "task_2").put("estimated_effort", "huge"),
              "task_2 has estimated_effort \"huge\"; use low, medium or high"),
          bad(
              "bad duration",
              tree -> taskNode(tree, "task_2").put("estimated_duration", "soon"),
              "task_2 has estimated_duration \"soon\"; use a duration such as \"30min\", \"1hr\""
                  + " or \"2hrs\""),
          bad(
              "unknown task field",
              tree -> taskNode(tree, "task_2").put("owner", "bob"),
              "task_2 has an unknown field \"owner\"; the known fields are [acceptance_criteria,"),
          bad(
              "forecast with a typo",
              tree ->
                  tree.putObject("forecast")
                      .put("executors", 3)
                      .put("predicted_makespan", "1hr")
                      .put("speedup", 2.0)
                      .put("speed_up", 2.0)
                      .put("recommended_executors", 3),
              "forecast has an unknown field \"speed_up\""),
          bad(
              "unknown plan field",
              tree -> tree.put("budget", 3),
              "the plan has an unknown field \"budget\"; the known fields are [complexity,"),
          bad(
              "no tasks",
              tree -> {
                tree.putArray("tasks");
                tree.remove("dependencies");
              },
              "the plan has no tasks; add at least one task"),
          bad(
              "executor budget below one",
              tree -> tree.put("executor_budget", 0),
              "executor_budget is 0; use 1 or more executors"),
          bad(
              "complexity score out of range",
              tree -> ((ObjectNode) tree.get("complexity")).put("score", 101),
              "complexity score is 101; use 0 to 100"),
          bad(
              "dependencies not a list",
              tree -> ((ObjectNode) tree.get("dependencies")).put("task_3", "task_2"),
              "dependencies of task_3 must be a list of task ids, e.g. [\"task_1\"]"));
    }

    private static Arguments bad(String kind, Consumer<ObjectNode> breakIt, String problem) {
      return Arguments.of(kind, breakIt, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlans")
    void names_the_task_and_the_fix(String kind, Consumer<ObjectNode> breakIt, String problem) {
      ObjectNode tree = validTree();
      breakIt.accept(tree);

      InvalidPlanException e = rejection(tree);

      assertThat(e).isNotNull();
      assertThat(e.problems()).singleElement().asString().startsWith(problem);
      assertThat(e).hasMessage("invalid plan (" + SOURCE + "): " + e.problems().get(0));
    }

    @Test
    @DisplayName("a two-task cycle is named in dependency order")
    void two_cycle() {
      ObjectNode tree =
          tree(
              plan()
                  .with("task_1")
                  .with("task_2", "task_5")
                  .with("task_3", "task_1")
                  .with("task_4")
                  .with("task_5", "task_2")
                  .build());

      assertThat(rejection(tree).problems())
          .containsExactly(
              "dependency cycle task_2 -> task_5 -> task_2; remove one of these dependencies");
    }

    @Test
    @DisplayName("a three-task cycle is named so that each task depends on the next")
    void three_cycle() {
      ObjectNode tree =
          tree(
              plan()
                  .with("task_1", "task_2")
                  .with("task_2", "task_3")
                  .with("task_3", "task_1")
                  .build());

      assertThat(rejection(tree).problems())
          .containsExactly(
              "dependency cycle task_1 -> task_2 -> task_3 -> task_1; remove one of these"
                  + " dependencies");
    }

    @Test
    @DisplayName("text that is not JSON is reported with its line and column")
    void not_json() {
      String json = "{\n  \"tasks\": [\n    oops\n  ]\n}\n";

      assertThatThrownBy(() -> PlanJson.parse(json, SOURCE))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessageStartingWith("invalid plan (plan.json): not valid JSON at line 3, column 5: ")
          .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    @DisplayName("JSON that is not an object is rejected")
    void not_an_object() {
      assertThatThrownBy(() -> PlanJson.parse("[1, 2]", SOURCE))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessage("invalid plan (plan.json): the plan must be a JSON object");
    }

    @Test
    @DisplayName("a missing file is reported with its path and what to check")
    void missing_file(@TempDir Path dir) {
      Path file = dir.resolve("missing.json");

      assertThatThrownBy(() -> PlanJson.read(file))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessage(
              "invalid plan ("
                  + file
                  + "): the file does not exist; check the path given to"
                  + " --plan");
    }

    @Test
    @DisplayName("a file is named as the source of the problems")
    void file_is_the_source(@TempDir Path dir) throws IOException {
      ObjectNode tree = validTree();
      taskNode(tree, "task_1").put("priority", 7);
      Path file = Files.writeString(dir.resolve("hand.json"), tree.toString());

      assertThatThrownBy(() -> PlanJson.read(file))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessage(
              "invalid plan ("
                  + file
                  + "): task_1 has priority 7; use 1 (highest) to 5"
                  + " (lowest)");
    }
  }

  @Nested
  @DisplayName("every problem of a plan is reported together")
  class EveryProblem {

    @Test
    @DisplayName("field problems of several tasks, in the order found")
    void field_problems() {
      ObjectNode tree = validTree();
      taskNode(tree, "task_1").remove("name");
      taskNode(tree, "task_2").put("estimated_effort", "huge");
      taskNode(tree, "task_3").put("owner", "bob");

      InvalidPlanException e = rejection(tree);

      assertThat(e.problems())
          .hasSize(3)
          .satisfiesExactly(
              p -> assertThat(p).isEqualTo("task_1 is missing the field \"name\""),
              p -> assertThat(p).startsWith("task_2 has estimated_effort \"huge\""),
              p -> assertThat(p).startsWith("task_3 has an unknown field \"owner\""));
      assertThat(e.getMessage())
          .startsWith("invalid plan (plan.json), 3 problems:\n  - task_1 is missing");
    }

    @Test
    @DisplayName("range and graph problems of several tasks")
    void validation_problems() {
      ObjectNode tree = validTree();
      taskNode(tree, "task_1").put("priority", 6);
      ((ArrayNode) tree.get("dependencies").get("task_2")).add("task_2");
      ((ArrayNode) tree.get("dependencies").get("task_3")).add("task_9");

      assertThat(rejection(tree).problems())
          .containsExactlyInAnyOrder(
              "task_1 has priority 6; use 1 (highest) to 5 (lowest)",
              "task_2 depends on itself; remove task_2 from its own dependencies",
              "task_3 depends on task_9, which is not in the plan; add task_9 or remove the"
                  + " dependency");
    }

    @Test
    @DisplayName("a priority out of range beside a missing field of another task")
    void field_and_range_problems() {
      ObjectNode tree = validTree();
      taskNode(tree, "task_1").remove("description");
      taskNode(tree, "task_3").put("priority", 9);

      assertThat(rejection(tree).problems())
          .containsExactlyInAnyOrder(
              "task_1 is missing the field \"description\"",
              "task_3 has priority 9; use 1 (highest) to 5 (lowest)");
    }
  }

  @Nested
  @DisplayName("writing a plan file")
  class WritingAPlanFile {

    @TempDir Path directory;

    @Test
    void a_reader_sees_the_old_plan_or_the_new_one_never_a_truncated_one() throws Exception {
      PlanFixture big = plan();
      for (int i = 1; i <= 500; i++) {
        big.with(task("task_" + i, Duration.ofMinutes(30), "src/module_" + i + "/**"));
      }
      Plan plan = big.build();
      Path file = directory.resolve(PlanJson.FILE_NAME);
      PlanJson.write(plan, file);
      byte[] whole = Files.readAllBytes(file);
      AtomicBoolean writing = new AtomicBoolean(true);
      CompletableFuture<List<Integer>> reader =
          CompletableFuture.supplyAsync(
              () -> {
                List<Integer> tornLengths = new ArrayList<>();
                while (writing.get()) {
                  try {
                    byte[] seen = Files.readAllBytes(file);
                    if (!Arrays.equals(seen, whole)) {
                      tornLengths.add(seen.length);
                    }
                  } catch (IOException e) {
                    tornLengths.add(-1);
                  }
                }
                return tornLengths;
              });

      for (int i = 0; i < 40; i++) {
        PlanJson.write(plan, file);
      }
      writing.set(false);

      assertThat(reader.get(10, TimeUnit.SECONDS)).isEmpty();
      try (Stream<Path> left = Files.list(directory)) {
        assertThat(left).containsExactly(file);
      }
    }

    @Test
    void replaces_a_symbolic_link_at_its_place_and_leaves_the_link_target_alone()
        throws IOException {
      Path elsewhere = Files.writeString(directory.resolve("users-own-file.json"), "keep me");
      Path file = directory.resolve("run").resolve(PlanJson.FILE_NAME);
      Files.createDirectories(file.getParent());
      Files.createSymbolicLink(file, elsewhere);

      PlanJson.write(plan().with("task_1").build(), file);

      assertThat(Files.isSymbolicLink(file)).isFalse();
      assertThat(PlanJson.read(file).tasks()).extracting(Task::id).containsExactly("task_1");
      assertThat(elsewhere).hasContent("keep me");
    }
  }
}
