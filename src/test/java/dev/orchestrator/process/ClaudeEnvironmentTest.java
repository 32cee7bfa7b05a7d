package dev.orchestrator.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaudeEnvironmentTest {

  static final Map<String, String> SHELL =
      Map.ofEntries(
          Map.entry("PATH", "/usr/bin:/bin"),
          Map.entry("HOME", "/home/dev"),
          Map.entry("LANG", "C.UTF-8"),
          Map.entry("LC_ALL", "C.UTF-8"),
          Map.entry("HTTPS_PROXY", "http://proxy:3128"),
          Map.entry("no_proxy", "localhost"),
          Map.entry("ANTHROPIC_API_KEY", "sk-ant-1"),
          Map.entry("ANTHROPIC_BASE_URL", "http://127.0.0.1:1"),
          Map.entry("CLAUDE_CODE_MAX_RETRIES", "0"),
          Map.entry("IS_SANDBOX", "1"),
          Map.entry("GITHUB_TOKEN", "ghp_1"),
          Map.entry("OPENAI_API_KEY", "sk-openai"),
          Map.entry("DB_PASSWORD", "hunter2hunter2"),
          Map.entry("AWS_SECRET_ACCESS_KEY", "aws-secret"));

  @Test
  void claude_gets_its_own_variables_path_home_locale_and_proxies_and_no_other_secret() {
    Map<String, String> environment = ClaudeEnvironment.of(SHELL);

    assertThat(environment)
        .containsKeys(
            "PATH",
            "HOME",
            "LANG",
            "LC_ALL",
            "HTTPS_PROXY",
            "no_proxy",
            "ANTHROPIC_API_KEY",
            "ANTHROPIC_BASE_URL",
            "CLAUDE_CODE_MAX_RETRIES",
            "IS_SANDBOX")
        .doesNotContainKeys(
            "GITHUB_TOKEN", "OPENAI_API_KEY", "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void background_traffic_is_off_unless_the_user_says_otherwise() {
    assertThat(ClaudeEnvironment.of(SHELL)).containsEntry(ClaudeEnvironment.QUIET, "1");
    // Claude Code reads any non-empty value as "off" ("0" too): empty is how a user turns it on.
    assertThat(ClaudeEnvironment.of(Map.of(ClaudeEnvironment.QUIET, "")))
        .containsEntry(ClaudeEnvironment.QUIET, "");
  }

  @Test
  void cloud_credentials_pass_only_when_claude_is_told_to_use_that_cloud() {
    Map<String, String> bedrock = new java.util.HashMap<>(SHELL);
    bedrock.put("CLAUDE_CODE_USE_BEDROCK", "1");

    assertThat(ClaudeEnvironment.of(bedrock)).containsKey("AWS_SECRET_ACCESS_KEY");
  }
}
