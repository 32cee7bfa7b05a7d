package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.DirectorySnapshot;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.TaskWorkspace;
import dev.orchestrator.agent.WorkspaceViolation;
import dev.orchestrator.plan.PlanValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random task ids and file claims, fed to the validator, the run's paths and a task workspace: no
 * path they accept lies outside the run, and the directory beside the run never changes.
 */
class RunPathsProperties {

  private static Path temp;
  private static Path root;
  private static Path outside;
  private static DirectorySnapshot outsideBefore;

  @BeforeContainer
  static void aRunWithALinkOut() throws IOException {
    temp = Files.createTempDirectory("run-paths").toRealPath();
    root = temp.resolve("run");
    outside = temp.resolve("outside");
    Files.createDirectories(root.resolve("executor_1"));
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("keep.txt"), "keep");
    Files.createSymbolicLink(root.resolve("link"), outside);
    Files.createSymbolicLink(root.resolve("executor_1").resolve("linked_task"), outside);
    outsideBefore = DirectorySnapshot.of(outside);
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    assertThat(DirectorySnapshot.of(outside)).isEqualTo(outsideBefore);
    try (Stream<Path> walk = Files.walk(temp)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "..",
                ".",
                "",
                "~",
                "link",
                "executor_1",
                "linked_task",
                "C:",
                "\u0000",
                "a\\..",
                " ..",
                "task_1",
                outside.toString()),
            Arbitraries.strings()
                .withChars("abz09_.-/\\:~\u0000\n\u001b é")
                .ofMinLength(0)
                .ofMaxLength(12));
    return segment.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("/", parts));
  }

  @Property(tries = 2000)
  void an_accepted_id_names_one_directory_inside_the_run(
      @ForAll("hostileText") String id, @ForAll("executor") int executor) {
    Path raw;
    try {
      raw = RunPaths.rawDirectory(root, executor, id);
    } catch (UsageException refused) {
      assertThat(PlanValidator.isValidId(id)).isFalse();
      return;
    }
    assertThat(PlanValidator.isValidId(id)).isTrue();
    assertThat(raw.getParent()).isEqualTo(root.resolve("executor_" + executor));
    assertThat(raw.getFileName().toString()).isEqualTo(id);
    assertThat(RunPaths.attemptDirectory(root, id, 1)).startsWithRaw(root);
  }

  @Property(tries = 2000)
  void a_path_from_outside_is_inside_the_run_or_refused(@ForAll("hostileText") String claim)
      throws IOException {
    Path resolved;
    try {
      resolved = RunPaths.inside(root, claim);
    } catch (UsageException refused) {
      return;
    }
    assertThat(resolved).startsWithRaw(root).isNotEqualTo(root);
    Path existing = resolved.getParent();
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    assertThat(existing.toRealPath()).startsWithRaw(root);
  }

  @Property(tries = 2000)
  void a_claim_written_by_an_agent_stays_in_its_workspace(@ForAll("hostileText") String claim) {
    TaskWorkspace workspace = new TaskWorkspace(root);
    try {
      Path written = workspace.write(claim, "x");
      assertThat(written).startsWithRaw(root);
      assertThat(written.toRealPath()).startsWithRaw(root);
    } catch (WorkspaceViolation | java.io.UncheckedIOException refused) {
      // refused: nothing written
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<Integer> executor() {
    return Arbitraries.integers().between(1, 300);
  }
}
