package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ChildJvm;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify step and its repair rounds on the real command line, with real toolchains (pytest,
 * node, Maven) and a command-line agent written as a shell script: it writes a task's files, and
 * answers a fix task with the fix. A test whose toolchain is missing is skipped, saying which.
 */
@Timeout(300)
class VerifyAndRepairTest {

  @TempDir Path temp;

  /** The agent: for each task id, a shell snippet run in its workspace. */
  private Path agent(Map<String, String> tasks) throws IOException {
    StringBuilder script = new StringBuilder("#!/bin/bash\nset -e\ncase \"$1\" in\n");
    tasks.forEach(
        (id, body) -> script.append("  ").append(id).append(")\n").append(body).append("\n  ;;\n"));
    script.append("esac\necho \"done $1\"\n");
    Path bin = temp.resolve("bin");
    Files.createDirectories(bin);
    Path agent = bin.resolve("fake-agent");
    Files.writeString(agent, script.toString());
    assertThat(agent.toFile().setExecutable(true)).isTrue();
    return agent;
  }

  /** A plan of two tasks: the code (task_1), then its tests (task_2). */
  private Path plan(String codeFiles, String testFiles) throws IOException {
    Path file = temp.resolve("plan.json");
    Files.writeString(file, calculatorPlan(codeFiles, testFiles));
    return file;
  }

  /** The plan file's text of {@link #plan}. */
  static String calculatorPlan(String codeFiles, String testFiles) {
    return "{\"requirements\":\"A calculator\",\"complexity\":{\"score\":10,\"reasoning\":\"small\","
        + "\"key_features_detected\":[],\"technical_components\":[]},\"num_tasks\":2,"
        + "\"executor_budget\":2,\"execution_model\":\"task_queue\",\"tasks\":["
        + task("task_1", "Calculator", codeFiles)
        + ","
        + task("task_2", "Calculator tests", testFiles)
        + "],\"dependencies\":{\"task_2\":[\"task_1\"]},\"execution_strategy\":\"\","
        + "\"notes\":\"\"}";
  }

  private static String task(String id, String name, String files) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"description\":\"Write the "
        + name.toLowerCase(java.util.Locale.ROOT)
        + ".\",\"priority\":1,\"estimated_effort\":\"low\",\"estimated_duration\":\"30min\","
        + "\"acceptance_criteria\":[\"it adds\"],\"files\":["
        + files
        + "]}";
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("PATH", temp.resolve("bin") + ":" + System.getenv("PATH"));
    environment.put("HOME", temp.resolve("home").toString());
    environment.put("ANTHROPIC_API_KEY", "sk-must-not-reach-the-tests");
    // The Maven of the Java project's verify step lives seconds: as the suite's own JVMs do.
    environment.putIfAbsent("MAVEN_OPTS", String.join(" ", ChildJvm.OPTIONS));
    return environment;
  }

  private Result run(Object... args) {
    return CliRun.run(environment(), args);
  }

  private Result runPlan(Path plan, Path out, Object... more) {
    List<Object> args =
        new ArrayList<>(
            List.of(
                "run",
                "--plan",
                plan,
                "-o",
                out,
                "--executor",
                "command",
                "--agent-command",
                "fake-agent {task_id}"));
    args.addAll(List.of(more));
    return run(args.toArray());
  }

  private static JsonNode verification(Path out) throws IOException {
    return Json.mapper()
        .readTree(out.resolve("execution_summary.json").toFile())
        .get("verification");
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void assumePytest() {
    assumeTrue(
        runs("python3", "-c", "import pytest") || runs("/usr/bin/python3", "-c", "import pytest"),
        "skipped: no python3 with pytest on PATH");
  }

  static boolean coveragePyInstalled() {
    return runs("python3", "-c", "import pytest, coverage")
        || runs("/usr/bin/python3", "-c", "import pytest, coverage");
  }

  static final String PYTHON_BUGGY =
      "cat > requirements.txt <<'X'\nX\ncat > calc.py <<'X'\ndef add(a, b):\n    return a - b\n\n\n"
          + "def sub(a, b):\n    return a - b\nX";
  static final String PYTHON_TESTS =
      "mkdir -p tests\ncat > tests/test_calc.py <<'X'\nfrom calc import add, sub\n\n\n"
          + "def test_add():\n    assert add(2, 3) == 5\n\n\ndef test_sub():\n"
          + "    assert sub(5, 3) == 2\nX";
  static final String PYTHON_FIX =
      "grep -q 'test_add' .agent/prompt.md\ncat > calc.py <<'X'\ndef add(a, b):\n    return a + b\n\n\n"
          + "def sub(a, b):\n    return a - b\nX";

  @Nested
  @DisplayName("a Python project")
  class Python {

    @Test
    @DisplayName("fails in round 1, goes back to its owners, and passes in round 2")
    void repaired() throws IOException {
      assumePytest();
      agent(
          Map.of(
              "task_1", PYTHON_BUGGY,
              "task_2", PYTHON_TESTS,
              "task_1-fix1", PYTHON_FIX,
              "task_2-fix1", "echo 'the tests are right'"));
      Path out = temp.resolve("out");

      Result result = runPlan(plan("\"calc.py\",\"requirements.txt\"", "\"tests/**\""), out);

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("passed");
      JsonNode rounds = verification.get("rounds");
      assertThat(rounds).hasSize(2);
      assertThat(rounds.get(0).get("passed").asInt()).isEqualTo(1);
      assertThat(rounds.get(0).get("failed").asInt()).isEqualTo(1);
      JsonNode failure = rounds.get(0).get("failures").get(0);
      assertThat(failure.get("test").asText()).isEqualTo("tests/test_calc.py::test_add");
      assertThat(failure.get("owner_tasks"))
          .extracting(JsonNode::asText)
          .containsExactly("task_1", "task_2");
      assertThat(rounds.get(1).get("passed").asInt()).isEqualTo(2);
      assertThat(rounds.get(1).get("failed").asInt()).isZero();
      assertThat(Files.readString(out.resolve("calc.py"))).contains("a + b");
      JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
      assertThat(summary.get("tasks"))
          .extracting(t -> t.get("id").asText())
          .containsExactly("task_1", "task_2", "task_1-fix1", "task_2-fix1");
      if (coveragePyInstalled()) {
        assertThat(summary.get("test_coverage").asDouble()).isBetween(0.5, 1.0);
        assertThat(verification.get("coverage_reason").asText()).contains("coverage.py");
      } else {
        assertThat(summary.get("test_coverage").isNull()).isTrue();
        assertThat(verification.get("coverage_reason").asText()).contains("not installed");
      }
      assertThat(PlanJson.read(out.resolve("execution_plan.json")).tasks()).hasSize(4);
      assertThat(result.out()).contains("Tests, round 2: 2 passed, 0 failed");
    }

    @Test
    @DisplayName(
        "stays failed when the rounds run out, says who owns the failure and exits 1 although"
            + " every task completed")
    void out_of_rounds() throws IOException {
      assumePytest();
      agent(Map.of("task_1", PYTHON_BUGGY, "task_2", PYTHON_TESTS));
      Path out = temp.resolve("out");

      Result result =
          runPlan(plan("\"calc.py\",\"requirements.txt\"", "\"tests/**\""), out, "--fix-rounds", 1);

      assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("failed");
      assertThat(verification.get("rounds")).hasSize(2);
      assertThat(verification.get("reason").asText()).contains("after 1 repair round");
      JsonNode failure = verification.get("rounds").get(1).get("failures").get(0);
      assertThat(failure.get("excerpt").asText()).contains("assert").contains("== 5");
      assertThat(result.out())
          .as("the console names what still fails, its owners and what it said")
          .contains("✗ tests/test_calc.py::test_add (task_1, task_2)")
          .containsPattern("\\n      .*== 5")
          .doesNotContain("test_sub");
      assertThat(result.out())
          .as("each silent step says what it waits for")
          .contains(
              "Tests, round 1: running pytest…\n",
              "Repair round 1: task_1-fix1, task_2-fix1…\n",
              "Tests, round 2: running pytest…\n");
    }

    @Test
    @DisplayName("a test that hangs is ended at the time limit and counted as an error")
    void hangs() throws IOException {
      assumePytest();
      agent(
          Map.of(
              "task_1",
              PYTHON_BUGGY,
              "task_2",
              "mkdir -p tests\nprintf 'import time\\n\\n\\ndef test_forever():\\n"
                  + "    time.sleep(600)\\n' > tests/test_hang.py"));
      Path out = temp.resolve("out");
      long started = System.nanoTime();

      runPlan(
          plan("\"calc.py\",\"requirements.txt\"", "\"tests/**\""),
          out,
          "--fix-rounds",
          0,
          "--verify-timeout",
          "3s");

      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
      JsonNode round = verification(out).get("rounds").get(0);
      assertThat(round.get("errors").asInt()).isEqualTo(1);
      assertThat(round.get("failures").get(0).get("test").asText()).isEqualTo("pytest (timed out)");
      assertThat(verification(out).get("reason").asText())
          .contains("1 error: pytest (timed out)")
          .doesNotContain("1 errors");
    }
  }

  @Nested
  @DisplayName("a JavaScript project")
  class JavaScript {

    @Test
    @DisplayName("fails in round 1 and passes after the fix, with node's line coverage")
    void repaired() throws IOException {
      assumeTrue(runs("node", "--version"), "skipped: node is not on PATH");
      agent(
          Map.of(
              "task_1",
                  "echo '{\"name\":\"calc\",\"scripts\":{\"test\":\"node --test\"}}' > package.json\n"
                      + "echo 'exports.add = (a, b) => a - b;' > calc.js",
              "task_2",
                  "mkdir -p test\ncat > test/calc.test.js <<'X'\nconst test = require('node:test');\n"
                      + "const assert = require('node:assert');\nconst { add } = require('../calc');\n"
                      + "test('adds', () => assert.strictEqual(add(2, 3), 5));\n"
                      + "test('adds zero', () => assert.strictEqual(add(0, 0), 0));\nX",
              "task_1-fix1", "echo 'exports.add = (a, b) => a + b;' > calc.js"));
      Path out = temp.resolve("out");

      Result result = runPlan(plan("\"calc.js\",\"package.json\"", "\"test/**\""), out);

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("passed");
      JsonNode rounds = verification.get("rounds");
      assertThat(rounds).hasSize(2);
      assertThat(rounds.get(0).get("failed").asInt()).isEqualTo(1);
      assertThat(rounds.get(0).get("failures").get(0).get("owner_tasks"))
          .extracting(JsonNode::asText)
          .contains("task_1");
      assertThat(rounds.get(1).get("passed").asInt()).isEqualTo(2);
      assertThat(verification.get("test_coverage").asDouble()).isBetween(0.5, 1.0);
      assertThat(verification.get("command").asText()).startsWith("node --test");
    }
  }

  @Nested
  @DisplayName("a Java project built with Maven")
  class Java {

    @Test
    @DisplayName("that does not compile goes back to its owner, then passes with JaCoCo coverage")
    void does_not_compile_then_passes() throws IOException {
      assumeTrue(runs("mvn", "--version"), "skipped: mvn is not on PATH");
      String pom =
          "cat > pom.xml <<'X'\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
              + "<modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>calc</artifactId>"
              + "<version>1</version><properties><maven.compiler.release>17</maven.compiler.release>"
              + "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>"
              + "<dependencies><dependency><groupId>org.junit.jupiter</groupId>"
              + "<artifactId>junit-jupiter</artifactId><version>5.14.1</version><scope>test</scope>"
              + "</dependency></dependencies><build><plugins><plugin>"
              + "<artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>"
              + "<plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.3</version>"
              + "</plugin></plugins></build></project>\nX\n";
      agent(
          Map.of(
              "task_1",
                  pom
                      + "mkdir -p src/main/java/calc\necho 'package calc; public class Calc {"
                      + " public static int add(int a, int b) { return a + b } }' >"
                      + " src/main/java/calc/Calc.java",
              "task_2",
                  "mkdir -p src/test/java/calc\necho 'package calc; import static"
                      + " org.junit.jupiter.api.Assertions.assertEquals; class CalcTest {"
                      + " @org.junit.jupiter.api.Test void adds() { assertEquals(5, Calc.add(2, 3)); } }'"
                      + " > src/test/java/calc/CalcTest.java",
              "task_1-fix1",
                  "grep -q 'Calc.java' .agent/prompt.md\necho 'package calc; public class Calc {"
                      + " public static int add(int a, int b) { return a + b; } }' >"
                      + " src/main/java/calc/Calc.java"));
      Path out = temp.resolve("out");

      // Confined (bubblewrap installed), Maven may fetch the plugins' dependencies it lacks into
      // its
      // repository only when that is writable, as the README tells users to make it.
      List<Object> options = new ArrayList<>(List.of("--fix-rounds", 1));
      Path mavenHome = Path.of(System.getProperty("user.home"), ".m2");
      if (Files.isDirectory(mavenHome)) {
        options.addAll(List.of("--sandbox-writable", mavenHome));
      }

      Result result =
          runPlan(plan("\"pom.xml\",\"src/main/**\"", "\"src/test/**\""), out, options.toArray());

      assertThat(out.resolve("pom.xml")).exists();
      assertThat(out.resolve("src/test/java/calc/CalcTest.java")).exists();
      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).as(result.out()).isEqualTo("passed");
      JsonNode rounds = verification.get("rounds");
      assertThat(rounds.get(0).get("errors").asInt()).isEqualTo(1);
      assertThat(rounds.get(0).get("failures").get(0).get("owner_tasks"))
          .extracting(JsonNode::asText)
          .containsExactly("task_1");
      assertThat(rounds.get(1).get("passed").asInt()).isEqualTo(1);
      assertThat(verification.get("test_coverage").asDouble()).isEqualTo(1.0);
    }
  }

  @Nested
  @DisplayName("whatever the project")
  class AnyProject {

    @Test
    @DisplayName("a project without tests is not verified, and says why")
    void no_tests() throws IOException {
      agent(Map.of("task_1", "echo '# Notes' > notes.md", "task_2", "echo '# More' > more.md"));
      Path out = temp.resolve("out");

      Result result = runPlan(plan("\"notes.md\"", "\"more.md\""), out);

      assertThat(result.exitCode()).isZero();
      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("not_run");
      assertThat(verification.get("reason").asText()).contains("no tests found");
      assertThat(verification.get("rounds")).isEmpty();
    }

    @Test
    @DisplayName("megabytes of output stay in the round's log; the summary gets the end of it")
    void megabytes_of_output() throws IOException {
      agent(Map.of("task_1", "echo 'a' > a.txt", "task_2", "echo 'b' > b.txt"));
      Path out = temp.resolve("out");

      runPlan(
          plan("\"a.txt\"", "\"b.txt\""),
          out,
          "--fix-rounds",
          0,
          "--verify-command",
          "head -c 5000000 /dev/zero | tr '\\\\0' x; echo; env | grep -c API_KEY; exit 3");

      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("failed");
      assertThat(verification.get("rounds").get(0).get("errors").asInt()).isEqualTo(1);
      Path log = out.resolve(".orchestrator/verify/round-1/logs/step-1.stdout.log");
      assertThat(Files.size(log)).isGreaterThan(5_000_000);
      assertThat(Files.readString(log).strip()).as("no key reaches the tests").endsWith("0");
      assertThat(Files.size(out.resolve("execution_summary.json"))).isLessThan(100_000);
    }

    @Test
    @DisplayName(
        "a simulated run does not run its placeholder tests, which skip themselves, and says why")
    void simulated_run() throws IOException {
      Path out = temp.resolve("out");

      Result result =
          run(
              "Build a todo list app with backend API and frontend UI",
              "-o",
              out,
              "-m",
              2,
              "--simulate-delay",
              "0ms");

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      assertThat(out.resolve("tests")).as("the placeholder tests are there").isDirectory();
      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("not_run");
      assertThat(verification.get("reason").asText())
          .contains("simulated", "placeholder", "--real");
      assertThat(verification.get("rounds")).isEmpty();
      assertThat(out.resolve(".orchestrator/verify")).as("no test ran").doesNotExist();
      assertThat(result.out()).doesNotContain("Tests, round").contains("Verification: not_run");
    }

    @Test
    @DisplayName("a simulated run still runs a --verify-command it is given")
    void simulated_run_with_a_verify_command() throws IOException {
      Path out = temp.resolve("out");

      run(
          "Build a todo list app with backend API and frontend UI",
          "-o",
          out,
          "-m",
          2,
          "--simulate-delay",
          "0ms",
          "--fix-rounds",
          0,
          "--verify-command",
          "exit 3");

      JsonNode verification = verification(out);
      assertThat(verification.get("status").asText()).isEqualTo("failed");
      assertThat(verification.get("rounds").get(0).get("errors").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("--no-verify skips the step and says so")
    void no_verify() throws IOException {
      agent(Map.of("task_1", "echo 'a' > a.py", "task_2", "echo 'b' > test_b.py"));
      Path out = temp.resolve("out");

      runPlan(plan("\"a.py\"", "\"test_b.py\""), out, "--no-verify");

      assertThat(verification(out).get("status").asText()).isEqualTo("not_run");
      assertThat(verification(out).get("reason").asText()).contains("--no-verify");
    }

    @Test
    @DisplayName("verify runs the step again on an earlier run, after a hand edit")
    void verify_command() throws IOException {
      assumePytest();
      agent(Map.of("task_1", PYTHON_BUGGY, "task_2", PYTHON_TESTS));
      Path out = temp.resolve("out");
      runPlan(plan("\"calc.py\",\"requirements.txt\"", "\"tests/**\""), out, "--fix-rounds", 0);
      assertThat(verification(out).get("status").asText()).isEqualTo("failed");
      Files.writeString(
          out.resolve("calc.py"),
          "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n");

      Result result = run("verify", out);

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      assertThat(verification(out).get("status").asText()).isEqualTo("passed");
      assertThat(result.out()).contains("Verification: passed");
    }

    @Test
    @DisplayName(
        "verify is a new session of the run: it keeps the earlier rounds, runs the repair rounds it"
            + " is given, and leaves the pause before it out of the wall time")
    void verify_session() throws IOException {
      assumePytest();
      agent(Map.of("task_1", PYTHON_BUGGY, "task_2", PYTHON_TESTS));
      Path out = temp.resolve("out");
      runPlan(plan("\"calc.py\",\"requirements.txt\"", "\"tests/**\""), out, "--fix-rounds", 1);
      assertThat(verification(out).get("rounds")).hasSize(2);
      agent(Map.of("task_1-fix2", PYTHON_FIX));

      Result result =
          run(
              "verify",
              out,
              "--fix-rounds",
              1,
              "--executor",
              "command",
              "--agent-command",
              "fake-agent {task_id}");

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      JsonNode summary = Json.mapper().readTree(out.resolve("execution_summary.json").toFile());
      JsonNode verification = summary.get("verification");
      assertThat(verification.get("status").asText()).isEqualTo("passed");
      assertThat(verification.get("rounds"))
          .as("rounds 1 and 2 of the run are kept; verify's are 3 and 4")
          .extracting(r -> r.get("round").asInt())
          .containsExactly(1, 2, 3, 4);
      assertThat(summary.get("tasks"))
          .extracting(t -> t.get("id").asText())
          .contains("task_1-fix1", "task_1-fix2");
      assertThat(summary.get("sessions").asInt()).isEqualTo(2);
      JsonNode pause = summary.get("pauses").get(0);
      java.time.Instant started = java.time.Instant.parse(summary.get("started_at").asText());
      java.time.Instant finished = java.time.Instant.parse(summary.get("finished_at").asText());
      java.time.Duration paused =
          java.time.Duration.between(
              java.time.Instant.parse(pause.get("from").asText()),
              java.time.Instant.parse(pause.get("to").asText()));
      assertThat(summary.get("wall_time_seconds").asDouble())
          .isCloseTo(
              java.time.Duration.between(started, finished).minus(paused).toMillis() / 1000.0,
              org.assertj.core.data.Offset.offset(0.0015));
      assertThat(Files.readString(out.resolve(".orchestrator/journal.jsonl")))
          .containsPattern("(?s)run_started.*run_finished.*run_started.*run_finished");
    }
  }
}
