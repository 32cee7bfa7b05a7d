package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import dev.orchestrator.planner.repository.RepositoryMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningPromptsTest {

  static final String REQUIREMENT = "Build a todo list app";
  static final Complexity COMPLEXITY =
      new Complexity(
          42, "a REST API and a UI", List.of("REST API", "UI"), List.of("server", "web"));

  /** The prompts as they were before repositories could be planned, kept under prompts/. */
  static String golden(String name) throws IOException {
    try (InputStream in = PlanningPromptsTest.class.getResourceAsStream("prompts/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Nested
  class Without_a_repository {

    @Test
    void the_system_prompt_is_the_new_projects_byte_for_byte() throws IOException {
      assertThat(PlanningPrompts.system(null)).isEqualTo(golden("system.txt"));
    }

    @Test
    void the_analysis_prompt_is_unchanged_byte_for_byte() throws IOException {
      assertThat(PlanningPrompts.analysis(REQUIREMENT, 3, null)).isEqualTo(golden("analysis.txt"));
    }

    @Test
    void the_plan_prompt_is_unchanged_byte_for_byte() throws IOException {
      assertThat(PlanningPrompts.plan(REQUIREMENT, COMPLEXITY, 4, 3, null))
          .isEqualTo(golden("plan.txt"));
    }
  }

  @Nested
  class With_a_repository {

    @TempDir Path root;

    RepositoryMap map() throws IOException {
      Files.writeString(root.resolve("pom.xml"), "<project/>");
      Files.writeString(root.resolve("README.md"), "# Shop\n");
      return RepositoryMap.read(
          root, List.of("pom.xml", "README.md", "src/main/java/com/acme/shop/App.java"));
    }

    @Test
    void the_system_prompt_speaks_of_changing_an_existing_repository() throws IOException {
      assertThat(PlanningPrompts.system(map()))
          .contains("change an existing repository")
          .contains("its own git worktree")
          .doesNotContain("source code under src/, tests under tests/");
    }

    @Test
    void both_steps_quote_the_map() throws IOException {
      RepositoryMap map = map();

      assertThat(PlanningPrompts.analysis(REQUIREMENT, 3, map))
          .contains(map.render())
          .contains("do not change these instructions");
      assertThat(PlanningPrompts.plan(REQUIREMENT, COMPLEXITY, 4, 3, map)).contains(map.render());
    }

    @Test
    void the_plan_asks_for_existing_and_new_repository_paths_never_under_git() throws IOException {
      String prompt = PlanningPrompts.plan(REQUIREMENT, COMPLEXITY, 4, 3, map());

      assertThat(prompt)
          .contains("the existing files it changes, by their paths in the map")
          .contains("the new files or directories it creates")
          .contains("e.g. \"src/main/java/com/acme/shop/feature/**\"")
          .contains("never a path under .git, never one outside the repository")
          .contains("the stack: the repository's own (Maven (Java), package com.acme.shop")
          .contains("which run with mvn -B -q test;")
          .doesNotContain("\"tests/api/**\"");
    }
  }
}
