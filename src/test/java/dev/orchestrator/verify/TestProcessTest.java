package dev.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a test command's logs show of it: their ends, for people and fix prompts. */
class TestProcessTest {

  @TempDir Path temp;

  @Test
  void a_long_log_shows_its_last_6000_bytes_and_how_many_came_before() throws IOException {
    Path log =
        Files.writeString(temp.resolve("step-1.stdout.log"), "a".repeat(4000) + "b".repeat(6000));

    assertThat(TestProcess.tail(log)).isEqualTo("[… 4000 bytes before]\n" + "b".repeat(6000));
  }

  @Test
  void the_tail_of_a_command_puts_its_standard_error_after_its_output() throws IOException {
    Path out = Files.writeString(temp.resolve("step-1.stdout.log"), "1 failed\n");
    Path err = Files.writeString(temp.resolve("step-1.stderr.log"), "warning\n");

    TestProcess.Exit exit = new TestProcess.Exit(1, false, out, err, null);

    assertThat(exit.tail()).isEqualTo("1 failed\n\n--- standard error ---\nwarning");
  }

  @Test
  void a_command_that_could_not_start_shows_why_and_no_logs() {
    TestProcess.Exit exit =
        new TestProcess.Exit(
            -1,
            false,
            temp.resolve("none.stdout.log"),
            temp.resolve("none.stderr.log"),
            "cannot start: gone");

    assertThat(exit.tail()).isEqualTo("cannot start: gone");
  }
}
