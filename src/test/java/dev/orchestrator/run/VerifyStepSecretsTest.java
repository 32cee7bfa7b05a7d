package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.Secrets;
import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.verify.VerificationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets a run is given are masked in what its child processes write too, the verify step's
 * test commands included: no file of the run directory holds a key.
 */
@Timeout(60)
class VerifyStepSecretsTest {

  private static final String KEY = "sk-ant-verify-0123456789";

  @TempDir Path temp;

  @Test
  void a_key_a_test_command_prints_is_masked_in_the_verify_steps_logs() throws Exception {
    Path out = temp.resolve("out");

    Orchestrator.builder()
        .maxExecutors(2)
        .outputDirectory(out)
        .secrets(Secrets.of(List.of(KEY)))
        .verification(
            new VerificationSettings(
                "echo the build configured " + KEY,
                Duration.ofMinutes(1),
                0,
                Map.of("PATH", "/usr/bin:/bin")))
        .agents(
            executor ->
                assignment -> {
                  assignment.workspace().write("src/" + assignment.task().id() + ".py", "x = 1\n");
                  return AgentResult.of("ok");
                })
        .build()
        .execute(OrchestratorTest.chainAndLoner());

    assertThat(filesHolding("the build configured", out)).as("the verify step ran").isNotEmpty();
    assertThat(filesHolding(KEY, out)).isEmpty();
  }

  private static List<Path> filesHolding(String text, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              file -> {
                try {
                  return new String(
                          Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)
                      .contains(text);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
