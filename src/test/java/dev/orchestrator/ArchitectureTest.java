package dev.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules: data flows one way, the command line is a leaf, and what every package shares
 * (the root package: the JSON mapper, the run directory's layout, secrets, interrupts, waits)
 * depends on none of them. Each package's {@code package-info.java} says what it is for. Plain
 * Jupiter tests around ArchUnit rules, so that every build runs them.
 */
class ArchitectureTest {

  private static final String ROOT = "dev.orchestrator";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  private static String[] packages(String... names) {
    String[] patterns = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      patterns[i] = ROOT + "." + names[i] + "..";
    }
    return patterns;
  }

  @Test
  void what_every_package_shares_depends_on_none_of_them() {
    noClasses()
        .that()
        .resideInAPackage(ROOT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".*..")
        .check(classes);
  }

  @Test
  void nothing_depends_on_the_command_line() {
    noClasses()
        .that()
        .resideOutsideOfPackages(packages("cli"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("cli"))
        .check(classes);
  }

  @Test
  void the_plan_model_depends_on_nothing_of_ours() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("plan"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            packages(
                "planner",
                "schedule",
                "agent",
                "llm",
                "run",
                "output",
                "cli",
                "process",
                "usage",
                "verify"))
        .check(classes);
  }

  @Test
  void shared_values_and_child_processes_sit_below_agents_planners_and_outputs() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("usage"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            packages(
                "plan", "planner", "schedule", "agent", "llm", "run", "output", "cli", "process"))
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(packages("process"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            packages("plan", "planner", "schedule", "agent", "llm", "run", "output", "cli"))
        .check(classes);
  }

  @Test
  void the_git_layer_depends_only_on_what_every_package_shares() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("repo"))
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(ROOT, ROOT + ".repo..", "java..", "org.slf4j..")
        .check(classes);
  }

  @Test
  void the_run_reaches_models_only_through_agents_and_planners() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("run"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("llm"))
        .check(classes);
  }

  @Test
  void the_dispatcher_knows_no_agents_models_or_outputs() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("schedule"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("planner", "agent", "llm", "run", "output"))
        .check(classes);
  }

  @Test
  void agents_never_see_the_queue() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("agent"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("schedule", "run", "output", "planner"))
        .check(classes);
  }

  @Test
  void outputs_do_not_reach_back_into_the_run_the_queue_or_the_agents() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("output"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("run", "planner", "llm", "schedule", "agent", "verify"))
        .check(classes);
  }

  @Test
  void verification_tests_the_output_and_runs_fixes_only_through_the_run() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("verify"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("run", "cli", "schedule", "llm", "planner", "agent"))
        .check(classes);
  }

  @Test
  void planners_do_not_run_anything() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("planner"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("schedule", "run", "output", "agent"))
        .check(classes);
  }

  @Test
  void the_temporal_engine_is_reached_only_through_the_command_line() {
    noClasses()
        .that()
        .resideOutsideOfPackages(packages("temporal", "cli"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("temporal"))
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages(packages("temporal"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.temporal..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(packages("temporal"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("planner", "llm", "output.report", "cli"))
        .check(classes);
  }

  @Test
  void packages_have_no_cycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
