package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  static final String KEY = "sk-ant-test-0123456789abcdef";

  @TempDir Path temp;

  final Secrets secrets = Secrets.of(List.of(KEY));

  @Test
  void scrubbing_masks_a_file_without_changing_another_name_of_it_outside() throws Exception {
    Path outside = Files.writeString(temp.resolve("bashrc"), "ANTHROPIC_API_KEY=" + KEY + "\n");
    Path workspace = Files.createDirectories(temp.resolve("ws"));
    Path link = Files.createLink(workspace.resolve("hl.txt"), outside);

    secrets.scrubTree(workspace);

    assertThat(link).hasContent("ANTHROPIC_API_KEY=[secret]");
    assertThat(outside).hasContent("ANTHROPIC_API_KEY=" + KEY);
  }
}
