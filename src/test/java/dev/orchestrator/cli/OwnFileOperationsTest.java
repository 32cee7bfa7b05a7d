package dev.orchestrator.cli;

import static dev.orchestrator.cli.CliRun.args;
import static dev.orchestrator.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.DirectorySnapshot;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.Task;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of issue 21, black-box through the command line: the orchestrator's own clean-up,
 * scrubbing, locking and consolidation never reach a file outside the output directory, nor a file
 * of the user's inside it that the run did not write.
 */
@Timeout(60)
class OwnFileOperationsTest {

  @TempDir Path temp;
  Path victim;
  Path out;
  DirectorySnapshot before;

  @BeforeEach
  void aDirectoryBesideTheOutput() throws Exception {
    victim = temp.resolve("victim");
    Files.createDirectories(victim.resolve("nested"));
    Files.writeString(victim.resolve("keep.txt"), "the user's file\n");
    Files.writeString(victim.resolve("nested/also.txt"), "another\n");
    out = temp.resolve("out");
    before = DirectorySnapshot.of(victim);
  }

  private void assertVictimUntouched() {
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  static Task task(String id) {
    return new Task(
        id,
        "Task " + id,
        "does it",
        2,
        Effort.LOW,
        Duration.ofMinutes(30),
        List.of("works"),
        List.of());
  }

  private Path plan(String... ids) throws Exception {
    Plan plan =
        new Plan(
            "own files",
            new Complexity(30, "", List.of(), List.of()),
            2,
            Plan.TASK_QUEUE,
            Stream.of(ids).map(OwnFileOperationsTest::task).toList(),
            Map.of(),
            "",
            "",
            null);
    Path file = temp.resolve("plan.json");
    Files.writeString(file, PlanJson.write(plan));
    return file;
  }

  private Map<String, String> environment() throws Exception {
    Files.createDirectories(temp.resolve("bin"));
    return Map.of("PATH", temp.resolve("bin") + ":/usr/bin:/bin", "HOME", temp.toString());
  }

  private void agent(String body) throws Exception {
    Path file = temp.resolve("bin").resolve("my-agent");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\nhere=\"" + temp + "\"\n" + body);
    file.toFile().setExecutable(true);
  }

  private CliRun.Result runAgent(Object... more) throws Exception {
    List<Object> all =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--plan",
                plan("task_1"),
                "-o",
                out,
                "--executor",
                "command",
                "--agent-command",
                "my-agent {task_id}",
                "--no-verify",
                // Unconfined, the worst case: the agent can reach outside and plant links there;
                // the orchestrator's own operations must hold without the sandbox's help.
                "--sandbox",
                "off"));
    all.addAll(List.of(more));
    return run(environment(), args(all.toArray()));
  }

  private static Path rawFile(Path out, String name) throws Exception {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.toString().contains("executor_"))
          .filter(p -> p.getFileName().toString().equals(name))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void a_hard_link_an_agent_leaves_becomes_a_copy_of_its_own_in_the_raw_output() throws Exception {
    agent(
        """
        ln "$here/victim/keep.txt" hl.txt
        mkdir -p src && echo x > src/$1.py
        """);

    CliRun.Result result = runAgent();

    assertThat(result.exitCode()).as(result.err()).isZero();
    Path raw = rawFile(out, "hl.txt");
    assertThat(raw).hasContent("the user's file");
    assertThat(Files.getAttribute(raw, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1);
    assertThat(Files.getAttribute(victim.resolve("keep.txt"), "unix:nlink")).isEqualTo(1);
    assertVictimUntouched();
  }

  @Test
  void a_state_directory_that_is_a_link_out_is_refused_and_nothing_is_written_there()
      throws Exception {
    Files.writeString(victim.resolve("journal.jsonl"), "");
    before = DirectorySnapshot.of(victim);
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve(".orchestrator"), victim);

    CliRun.Result result =
        run(
            args(
                "run",
                "--plan",
                plan("task_1"),
                "-o",
                out,
                "--simulate-delay",
                "0ms",
                "--no-verify"));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.USAGE);
    assertThat(result.err()).contains(".orchestrator", "symbolic link").doesNotContain("Exception");
    assertVictimUntouched();
  }

  @Test
  void force_never_overwrites_nor_later_deletes_a_file_of_the_users() throws Exception {
    Files.createDirectories(out.resolve("lib"));
    Files.writeString(out.resolve("notes.txt"), "my notes\n");
    Files.writeString(out.resolve("lib/mine.js"), "mine\n");
    agent(
        """
        echo '{"name": "app"}' > package.json
        echo "the agent's notes" > notes.txt
        mkdir -p lib && echo 'a' > lib/a.js
        """);

    CliRun.Result first = runAgent("--force");
    CliRun.Result second = runAgent("--force"); // replaces the finished first run

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(out.resolve("notes.txt")).hasContent("my notes");
    assertThat(out.resolve("lib/mine.js")).hasContent("mine");
    assertThat(out.resolve("lib/a.js")).hasContent("a");
    assertThat(out.resolve("notes_task_1.txt")).hasContent("the agent's notes");
    assertThat(Files.readString(out.resolve(".orchestrator/consolidated-files.tsv")))
        .doesNotContain("notes.txt\t", "mine.js");
  }
}
