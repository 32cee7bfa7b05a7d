package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import dev.orchestrator.cli.CliRun.Result;
import dev.orchestrator.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sandbox}, {@code --sandbox-network} and {@code --sandbox-writable} on a machine without
 * bubblewrap, simulated by a {@code PATH} that has no {@code bwrap}.
 */
@Timeout(60)
class SandboxOptionsTest {

  @TempDir Path temp;
  Path agent;

  @BeforeEach
  void writeAgent() throws IOException {
    Files.createDirectories(temp.resolve("agents"));
    agent = temp.resolve("agents/agent");
    Files.writeString(agent, "#!/bin/bash\necho 'print(1)' > app.py\n");
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(
            run(Map.of("PATH", "/usr/bin:/bin"), "plan", "Build a tool", "-o", temp.resolve("p"))
                .exitCode())
        .isZero();
  }

  // The tools an agent's session needs, and no bwrap.
  Map<String, String> withoutBwrap(String... more) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    for (String tool : List.of("cat", "sh", "bash")) {
      Path program = bin.resolve(tool);
      Files.writeString(program, "#!/bin/sh\nexec /bin/" + tool + " \"$@\"\n");
      Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", bin.toString());
    environment.put("HOME", temp.toString());
    for (int i = 0; i < more.length; i += 2) {
      environment.put(more[i], more[i + 1]);
    }
    return environment;
  }

  Result runCommandAgent(Map<String, String> environment, Object... options) {
    List<Object> args =
        new ArrayList<>(
            List.of(
                "run",
                "--plan",
                temp.resolve("p").resolve(PlanJson.FILE_NAME),
                "--executor",
                "command",
                "--agent-command",
                agent,
                "--no-verify",
                "-o",
                temp.resolve("out")));
    args.addAll(List.of(options));
    return run(environment, args.toArray());
  }

  @Test
  void auto_without_bubblewrap_runs_unconfined_after_one_warning_line() throws IOException {
    Result result = runCommandAgent(withoutBwrap());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err().lines().filter(l -> l.startsWith("warning:")))
        .containsExactly(
            "warning: agents and tests run unconfined (--sandbox auto): bubblewrap is not"
                + " installed (no bwrap on PATH); install bubblewrap (Debian, Ubuntu: sudo apt-get"
                + " install bubblewrap; Fedora: sudo dnf install bubblewrap; Arch: sudo pacman -S"
                + " bubblewrap); --sandbox off silences this warning");
    JsonNode summary = Json.mapper().readTree(temp.resolve("out/execution_summary.json").toFile());
    for (JsonNode task : summary.get("tasks")) {
      assertThat(task.get("details").get("sandbox").asText()).isEqualTo("none");
    }
  }

  @Test
  void sandbox_off_runs_unconfined_without_a_word() throws IOException {
    Result result = runCommandAgent(withoutBwrap(), "--sandbox", "off");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("warning");
  }

  @Test
  void sandbox_bwrap_without_bubblewrap_stops_before_any_task_saying_how_to_install_it()
      throws IOException {
    Result result = runCommandAgent(withoutBwrap(), "--sandbox", "bwrap");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--sandbox bwrap needs bubblewrap, and bubblewrap is not installed")
        .contains("sudo apt-get install bubblewrap", "or run with --sandbox off");
    assertThat(temp.resolve("out/execution_summary.json")).doesNotExist();
  }

  @Test
  void the_sandbox_mode_comes_from_the_environment_like_every_option() throws IOException {
    Result result = runCommandAgent(withoutBwrap("ORCHESTRATOR_SANDBOX", "bwrap"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("--sandbox bwrap needs bubblewrap");
  }

  @Test
  void the_sandbox_settings_come_from_the_config_file_like_every_option() throws IOException {
    Path config = temp.resolve("orchestrator.properties");
    Files.writeString(config, "sandbox=bwrap\n");
    Result required = runCommandAgent(withoutBwrap("ORCHESTRATOR_CONFIG", config.toString()));
    Files.writeString(config, "sandbox-writable=" + temp.resolve("missing") + "\n");
    Result writable = runCommandAgent(withoutBwrap("ORCHESTRATOR_CONFIG", config.toString()));

    assertThat(required.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(required.err()).contains("--sandbox bwrap needs bubblewrap");
    assertThat(writable.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(writable.err()).contains("missing does not exist; create it or fix the path");
  }

  @Test
  void no_network_without_bubblewrap_is_refused_rather_than_run_with_the_network()
      throws IOException {
    Result result = runCommandAgent(withoutBwrap(), "--sandbox-network", "off");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("--sandbox-network off needs bubblewrap");
  }

  @Test
  void no_network_with_the_sandbox_off_contradicts_itself() throws IOException {
    Result result = runCommandAgent(withoutBwrap(), "--sandbox", "off", "--sandbox-network", "off");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err())
        .contains("--sandbox-network off needs the sandbox, and --sandbox is off");
  }

  @Test
  void a_writable_path_that_does_not_exist_is_a_mistake() throws IOException {
    Result result = runCommandAgent(withoutBwrap(), "--sandbox-writable", temp.resolve("missing"));

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("missing does not exist; create it or fix the path");
  }

  @Test
  void an_unknown_mode_lists_the_known_ones() throws IOException {
    Result result = runCommandAgent(withoutBwrap(), "--sandbox", "docker");

    assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains("\"docker\" is not known; use auto, bwrap or off");
  }
}
