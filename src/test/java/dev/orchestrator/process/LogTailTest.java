package dev.orchestrator.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a log file, read without reading the rest. */
class LogTailTest {

  @TempDir Path temp;

  @Test
  void a_log_shorter_than_the_limit_is_read_whole() throws IOException {
    Path log = Files.writeString(temp.resolve("short.log"), "one\ntwo\n");

    assertThat(LogTail.read(log, 100)).isEqualTo(new LogTail("one\ntwo\n", 0));
  }

  @Test
  void a_longer_log_gives_its_last_bytes_and_how_many_came_before() throws IOException {
    Path log = Files.writeString(temp.resolve("long.log"), "x".repeat(1000) + "the end");

    assertThat(LogTail.read(log, 7)).isEqualTo(new LogTail("the end", 1000));
  }

  @Test
  void a_log_that_was_never_written_has_an_empty_tail() {
    assertThat(LogTail.read(temp.resolve("missing.log"), 100)).isEqualTo(new LogTail("", 0));
  }
}
