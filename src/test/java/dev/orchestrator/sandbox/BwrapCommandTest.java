package dev.orchestrator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BwrapCommandTest {

  static final Path BWRAP = Path.of("/usr/bin/bwrap");
  static final Path WORK = Path.of("/out/.orchestrator/attempts/task_1-1");

  static SandboxPolicy policy(boolean network) {
    return new SandboxPolicy(
        WORK,
        List.of(Path.of("/tmp/agents")),
        List.of(WORK, Path.of("/home/u/.claude")),
        List.of(Path.of("/home/u/.ssh")),
        List.of(Path.of("/home/u/.netrc")),
        List.of(WORK.resolve(".git")),
        network);
  }

  static String line(SandboxPolicy policy) {
    return String.join(" ", BwrapCommand.wrap(BWRAP, policy, List.of("agent", "--flag", "a b")));
  }

  @Test
  void the_root_is_read_only_and_dev_proc_and_tmp_are_the_sandboxs_own() {
    assertThat(line(policy(true)))
        .startsWith("/usr/bin/bwrap --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp ");
  }

  @Test
  void the_command_follows_a_double_dash_with_its_arguments_untouched() {
    List<String> line = BwrapCommand.wrap(BWRAP, policy(true), List.of("agent", "--flag", "a b"));

    assertThat(line.subList(line.size() - 4, line.size()))
        .containsExactly("--", "agent", "--flag", "a b");
  }

  @Test
  void readable_then_writable_then_hidden_then_read_only_so_nothing_later_uncovers_a_rule() {
    assertThat(line(policy(true)))
        .containsSubsequence(
            "--ro-bind /tmp/agents /tmp/agents",
            "--bind " + WORK + " " + WORK,
            "--bind /home/u/.claude /home/u/.claude",
            "--tmpfs /home/u/.ssh --remount-ro /home/u/.ssh",
            "--ro-bind /dev/null /home/u/.netrc",
            "--ro-bind " + WORK + "/.git " + WORK + "/.git");
  }

  @Test
  void
      every_command_gets_its_own_pid_namespace_dies_with_the_orchestrator_and_starts_in_its_directory() {
    assertThat(line(policy(true)))
        .contains(" --unshare-pid ", " --die-with-parent ", " --chdir " + WORK + " -- ");
  }

  @Test
  void the_network_is_cut_only_when_the_policy_says_so() {
    assertThat(line(policy(true))).doesNotContain("--unshare-net");
    assertThat(line(policy(false))).contains(" --unshare-net ");
  }

  @Test
  void a_relative_path_in_a_policy_is_refused() {
    assertThatThrownBy(
            () ->
                new SandboxPolicy(
                    WORK,
                    List.of(),
                    List.of(Path.of("relative")),
                    List.of(),
                    List.of(),
                    List.of(),
                    true))
        .hasMessageContaining("must be absolute, was relative");
  }
}
