package dev.orchestrator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy a launch gets from the file system, and what it does to a real process under
 * bubblewrap. The home and workspace lie under {@code target/}, not {@code /tmp}: the sandbox's
 * private {@code /tmp} would hide them whatever the policy said.
 */
class SandboxTest {

  static final Path BWRAP = Path.of("/usr/bin/bwrap");
  static final Map<String, String> PATH = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");

  Path root;
  Path home;
  Path workspace;

  SandboxTest() throws IOException {
    Files.createDirectories(Path.of("target"));
    root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sandbox-");
    home = Files.createDirectories(root.resolve("home"));
    workspace = Files.createDirectories(root.resolve("out/.orchestrator/attempts/task_1-1"));
  }

  @AfterEach
  void removeTheDirectories() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  Map<String, String> environment() {
    return Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString());
  }

  SandboxPolicy policy(Sandbox sandbox, String program) {
    return sandbox.policy(List.of(program, "x"), workspace, environment());
  }

  @Test
  void without_a_sandbox_a_command_runs_as_it_is() {
    assertThat(Sandbox.none().wrap(List.of("agent", "x"), workspace, environment()))
        .containsExactly("agent", "x");
    assertThat(Sandbox.none().allowing(List.of(home)).confines()).isFalse();
    assertThat(Sandbox.none().label()).isEqualTo("none");
  }

  @Test
  void the_secret_directories_and_files_of_the_home_that_exist_are_hidden() throws IOException {
    Files.createDirectories(home.resolve(".ssh"));
    Files.createDirectories(home.resolve(".config/gcloud"));
    Files.writeString(home.resolve(".netrc"), "machine x password y");

    SandboxPolicy policy = policy(Sandbox.bwrap(BWRAP, true, List.of()), "/usr/bin/env");

    assertThat(policy.hiddenDirectories())
        .contains(home.resolve(".ssh").toRealPath(), home.resolve(".config/gcloud").toRealPath())
        .doesNotContain(home.resolve(".aws"));
    assertThat(policy.hiddenFiles()).contains(home.resolve(".netrc").toRealPath());
  }

  @Test
  void the_workspace_and_the_allowed_paths_that_exist_are_writable() throws IOException {
    Path cache = Files.createDirectories(root.resolve("m2"));

    SandboxPolicy policy =
        policy(
            Sandbox.bwrap(BWRAP, true, List.of(cache))
                .allowing(List.of(home.resolve(".claude"), root.resolve("missing"))),
            "/usr/bin/env");

    assertThat(policy.writable()).containsExactly(workspace.toRealPath(), cache.toRealPath());
    assertThat(policy.directory()).isEqualTo(workspace.toRealPath());
  }

  @Test
  void a_runs_own_state_and_a_git_directory_stay_read_only_inside_a_writable_path()
      throws IOException {
    Path out = root.resolve("out");
    Files.writeString(out.resolve("execution_plan.json"), "{}");
    Files.createDirectories(workspace.resolve(".git"));

    SandboxPolicy policy =
        policy(Sandbox.bwrap(BWRAP, true, List.of(out.toRealPath())), "/usr/bin/env");

    assertThat(policy.readOnly())
        .contains(
            out.toRealPath().resolve(".orchestrator"),
            out.toRealPath().resolve("execution_plan.json"),
            workspace.toRealPath().resolve(".git"));
  }

  @Test
  void a_program_under_tmp_stays_visible_with_the_files_beside_it(@TempDir Path temp)
      throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path agent = Files.writeString(bin.resolve("agent"), "#!/bin/sh\n");

    SandboxPolicy policy = policy(Sandbox.bwrap(BWRAP, true, List.of()), agent.toString());

    assertThat(policy.readable()).containsExactly(bin.toRealPath());
    assertThat(policy(Sandbox.bwrap(BWRAP, true, List.of()), "/usr/bin/env").readable()).isEmpty();
  }

  @Test
  void a_confined_command_writes_its_workspace_and_nothing_else() throws Exception {
    Sandbox sandbox = working();
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/id_rsa"), "PRIVATE KEY");

    int status =
        run(
            sandbox,
            "echo made > made.txt; echo x > \"$HOME/canary\"; cat \"$HOME/.ssh/id_rsa\" >"
                + " stolen.txt; echo x > ../beside.txt; true");

    assertThat(status).isZero();
    assertThat(workspace.resolve("made.txt")).hasContent("made");
    assertThat(home.resolve("canary")).doesNotExist();
    assertThat(workspace.resolve("stolen.txt")).isEmptyFile();
    assertThat(workspace.resolveSibling("beside.txt")).doesNotExist();
  }

  @Test
  void a_confined_command_sees_only_its_own_processes() throws Exception {
    Sandbox sandbox = working();

    int status = run(sandbox, "kill -0 " + ProcessHandle.current().pid());

    assertThat(status).as("kill -0 of the orchestrator's pid").isNotZero();
  }

  private Sandbox working() {
    BwrapProbe.Result probe = BwrapProbe.probe(PATH, true);
    assumeTrue(probe.works(), () -> "skipped: bubblewrap does not work here: " + probe.problem());
    return Sandbox.bwrap(probe.bwrap(), true, List.of());
  }

  private int run(Sandbox sandbox, String script) throws Exception {
    Process process =
        new ProcessBuilder(sandbox.wrap(List.of("/bin/sh", "-c", script), workspace, environment()))
            .directory(workspace.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
