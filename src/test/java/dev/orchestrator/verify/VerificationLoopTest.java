package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.Secrets;
import dev.orchestrator.output.Verification;
import dev.orchestrator.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The rounds of one verification, with a fake python3 on PATH that counts how it is asked. */
@Timeout(120)
class VerificationLoopTest {

  @TempDir Path temp;

  /**
   * A python3 that has pytest and coverage, logs each probe ({@code python3 -c ...}, which asks
   * which of them it has) and reports test_calc.py::test_add as failed on every run.
   */
  private Path fakePython() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path python = bin.resolve("python3");
    Files.writeString(
        python,
        "#!/bin/sh\n"
            + "if [ \"$1\" = -c ]; then echo probe >> \""
            + temp.resolve("probes.log")
            + "\"; printf 'pytest\\ncoverage\\n'; exit 0; fi\n"
            + "for arg in \"$@\"; do\n"
            + "  case \"$arg\" in\n"
            + "    --junitxml=*) echo '<testsuite><testcase classname=\"test_calc\""
            + " name=\"test_add\" file=\"test_calc.py\"><failure message=\"assert 1 == 5\"/>"
            + "</testcase></testsuite>' > \"${arg#--junitxml=}\";;\n"
            + "  esac\n"
            + "done\n"
            + "exit 1\n");
    Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void the_python_interpreter_is_probed_once_however_many_rounds_run() throws IOException {
    Path bin = fakePython();
    Path out = Files.createDirectories(temp.resolve("out"));
    Files.writeString(out.resolve("test_calc.py"), "def test_add():\n    assert 1 == 5\n");
    Plan plan = OwnershipTest.plan(OwnershipTest.task("task_1", "test_calc.py"));
    AtomicInteger repairs = new AtomicInteger();
    VerificationSettings settings =
        new VerificationSettings(
            null, Duration.ofMinutes(1), 2, Map.of("PATH", bin + ":/usr/bin:/bin"));

    Verification verification =
        new VerificationLoop(
                settings,
                Secrets.none(),
                (current, fixes) -> {
                  repairs.incrementAndGet();
                  return Optional.of(current); // a fix that fixes nothing
                },
                step -> {})
            .run(out, plan);

    assertThat(verification.status()).isEqualTo(Verification.Status.FAILED);
    assertThat(verification.rounds()).hasSize(3);
    assertThat(repairs).hasValue(2);
    assertThat(Files.readAllLines(temp.resolve("probes.log"))).containsExactly("probe");
  }

  @Test
  void each_round_says_what_it_runs_before_it_runs_it() throws IOException {
    Path bin = fakePython();
    Path out = Files.createDirectories(temp.resolve("out"));
    Files.writeString(out.resolve("test_calc.py"), "def test_add():\n    assert 1 == 5\n");
    Plan plan = OwnershipTest.plan(OwnershipTest.task("task_1", "test_calc.py"));
    List<String> steps = new ArrayList<>();
    VerificationSettings settings =
        new VerificationSettings(
            null, Duration.ofMinutes(1), 1, Map.of("PATH", bin + ":/usr/bin:/bin"));

    new VerificationLoop(
            settings, Secrets.none(), (current, fixes) -> Optional.of(current), steps::add)
        .run(out, plan);

    assertThat(steps)
        .containsExactly(
            "Tests, round 1: running pytest",
            "Repair round 1: task_1-fix1",
            "Tests, round 2: running pytest");
  }
}
