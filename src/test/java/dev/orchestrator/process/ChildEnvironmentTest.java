package dev.orchestrator.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.UsageException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

  static Map<String, String> ours() {
    Map<String, String> ours = new HashMap<>();
    ours.putAll(
        Map.of(
            "PATH", "/usr/bin",
            "HOME", "/home/u",
            "USER", "u",
            "LANG", "C.UTF-8",
            "LC_CTYPE", "C.UTF-8",
            "https_proxy", "http://proxy:3128",
            "NO_PROXY", "localhost",
            "MAVEN_OPTS", "-Xmx1g",
            "PYTHONPATH", "/py",
            "NODE_OPTIONS", "--max-old-space-size=512"));
    ours.putAll(
        Map.of(
            "PGPASSWORD", "pg-pw",
            "MYSQL_PWD", "my-pw",
            "DATABASE_URL", "postgres://u:pw@h/db",
            "SLACK_WEBHOOK_URL", "https://hooks.example/T/B/x",
            "MY_DB_PASS", "db-pw",
            "ANTHROPIC_API_KEY", "sk-ant-1234567890",
            "PYTHON_KEYRING_PASSWORD", "kr-pw",
            "SOMETHING_ELSE", "x"));
    return ours;
  }

  @Test
  void a_child_gets_only_the_variables_programs_need_whatever_the_others_are_called() {
    assertThat(ChildEnvironment.forTests(ours()))
        .containsOnlyKeys(
            "PATH",
            "HOME",
            "USER",
            "LANG",
            "LC_CTYPE",
            "https_proxy",
            "NO_PROXY",
            "MAVEN_OPTS",
            "PYTHONPATH",
            "NODE_OPTIONS");
  }

  @Test
  void an_allowed_prefix_does_not_let_a_secret_through() {
    assertThat(ChildEnvironment.isAllowed("PYTHONPATH")).isTrue();
    assertThat(ChildEnvironment.isAllowed("PYTHON_KEYRING_PASSWORD")).isFalse();
    assertThat(ChildEnvironment.isAllowed("NODE_AUTH_TOKEN")).isFalse();
  }

  @Test
  void agents_also_get_what_the_user_names_or_sets() {
    Map<String, String> agent =
        ChildEnvironment.forAgents(
            ours(), List.of("PGPASSWORD", "DEBUG=1", "EMPTY=", "NOT_SET_ANYWHERE"));

    assertThat(agent)
        .containsEntry("PGPASSWORD", "pg-pw")
        .containsEntry("DEBUG", "1")
        .containsEntry("EMPTY", "")
        .containsEntry("PATH", "/usr/bin")
        .doesNotContainKeys("NOT_SET_ANYWHERE", "MYSQL_PWD", "DATABASE_URL", "ANTHROPIC_API_KEY");
  }

  @Test
  void a_passed_entry_that_is_not_a_variable_name_is_a_usage_error() {
    assertThatThrownBy(() -> ChildEnvironment.forAgents(ours(), List.of("1BAD=x")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--agent-env 1BAD=x is not a variable");
  }
}
