package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures go back to the tasks that own the files involved, as fix tasks. */
class OwnershipTest {

  @TempDir Path project;

  static Task task(String id, String... files) {
    return new Task(
        id,
        "Name " + id,
        "Does " + id,
        2,
        Effort.LOW,
        Duration.ofMinutes(30),
        List.of("works"),
        List.of(files));
  }

  static Plan plan(Task... tasks) {
    return new Plan(
        "req",
        new Complexity(10, "", List.of(), List.of()),
        2,
        Plan.TASK_QUEUE,
        List.of(tasks),
        Map.of(),
        "",
        "",
        null);
  }

  @Test
  @DisplayName("a Java stack frame and the failing class name lead to their files and owners")
  void java_frames() {
    Plan plan = plan(task("task_1", "src/main/**"), task("task_2", "src/test/**"));
    List<String> files =
        List.of("pom.xml", "src/main/java/calc/Calc.java", "src/test/java/calc/CalcTest.java");
    FailureOwners owners = new FailureOwners(project, plan, Map.of(), files);
    TestCase failure =
        new TestCase(
            "calc.CalcTest.adds",
            null,
            "calc.CalcTest",
            TestCase.Outcome.FAILED,
            "expected 5\n\tat calc.Calc$Inner.add(Calc.java:3)\n\tat calc.CalcTest.adds(CalcTest.java:9)");

    List<String> involved = owners.files(failure);

    assertThat(involved)
        .containsExactly("src/test/java/calc/CalcTest.java", "src/main/java/calc/Calc.java");
    assertThat(owners.owners(involved)).containsExactly("task_1", "task_2");
  }

  @Test
  @DisplayName("a test's imports are involved too; a fix task's file goes back to its owner")
  void imports_and_fix_writers() throws IOException {
    Files.createDirectories(project.resolve("test"));
    Files.writeString(
        project.resolve("test/calc.test.js"), "const { add } = require('../calc');\n");
    Plan plan = plan(task("task_1"), task("task_2"), task("task_1-fix1"));
    FailureOwners owners =
        new FailureOwners(
            project,
            plan,
            Map.of("calc.js", "task_1-fix1", "test/calc.test.js", "task_2"),
            List.of("calc.js", "test/calc.test.js"));
    TestCase failure =
        new TestCase(
            "test.adds",
            null,
            "test",
            TestCase.Outcome.FAILED,
            "at TestContext (/tmp/x/project/test/calc.test.js:4:29)");

    List<String> involved = owners.files(failure);

    assertThat(involved).containsExactly("test/calc.test.js", "calc.js");
    assertThat(owners.owners(involved)).containsExactly("task_1", "task_2");
  }

  @Test
  @DisplayName("one fix task per owner carries the failing output and its owner's claims")
  void fix_tasks() {
    Plan plan = plan(task("task_1", "calc.py"), task("task_2", "tests/**"));
    List<RoundResult.FailureDetail> failures =
        List.of(
            new RoundResult.FailureDetail(
                "tests/test_calc.py::test_add",
                List.of("tests/test_calc.py", "calc.py"),
                List.of("task_1", "task_2"),
                "assert -1 == 5"),
            new RoundResult.FailureDetail("nobody's", List.of(), List.of(), "?"));

    List<Task> fixes = FixTasks.of(1, failures, plan);

    assertThat(fixes).extracting(Task::id).containsExactly("task_1-fix1", "task_2-fix1");
    assertThat(fixes.get(0).description())
        .contains(
            "tests/test_calc.py::test_add",
            "assert -1 == 5",
            "Files involved: tests/test_calc.py, calc.py");
    assertThat(fixes.get(0).files()).containsExactly("calc.py");
    assertThat(fixes.get(0).acceptanceCriteria())
        .startsWith("These tests pass: tests/test_calc.py::test_add");
    assertThat(FixTasks.ownerOf("task_1-fix1-fix2")).isEqualTo("task_1");
    assertThat(FixTasks.roundsIn(plan(task("a"), task("a-fix2")))).isEqualTo(2);
  }

  @Test
  @DisplayName("the tests get an allow-listed environment: no secret reaches them by any name")
  void secrets() {
    Map<String, String> ours = new java.util.HashMap<>();
    ours.putAll(
        Map.of(
            "PATH", "/bin",
            "HOME", "/h",
            "LANG", "C.UTF-8",
            "JAVA_HOME", "/jdk",
            "ANTHROPIC_API_KEY", "k",
            "OPENAI_BASE_URL", "u",
            "GITHUB_TOKEN", "t",
            "MY_SERVICE_API_KEY", "k"));
    ours.putAll(
        Map.of(
            "PGPASSWORD", "p",
            "MYSQL_PWD", "p",
            "DATABASE_URL", "postgres://u:pw@h/db",
            "SLACK_WEBHOOK_URL", "https://hooks.example/x",
            "MY_DB_PASS", "p"));

    assertThat(new VerificationSettings(null, Duration.ofMinutes(1), 0, ours).environment())
        .containsOnlyKeys("PATH", "HOME", "LANG", "JAVA_HOME");
  }
}
