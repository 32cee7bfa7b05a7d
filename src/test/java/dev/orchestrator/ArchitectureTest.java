package dev.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of STYLE.md: data flows one way and the command line is a leaf. */
@AnalyzeClasses(packages = "dev.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule nothing_depends_on_the_command_line =
      noClasses()
          .that()
          .resideOutsideOfPackage("..cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..cli..");

  @ArchTest
  static final ArchRule the_plan_model_depends_on_nothing_of_ours =
      noClasses()
          .that()
          .resideInAPackage("..plan..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..planner..", "..schedule..", "..agent..", "..llm..", "..run..", "..output..",
              "..cli..");

  @ArchTest
  static final ArchRule the_dispatcher_knows_no_agents_models_or_outputs =
      noClasses()
          .that()
          .resideInAPackage("..schedule..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..planner..", "..agent..", "..llm..", "..run..", "..output..");

  @ArchTest
  static final ArchRule agents_never_see_the_queue =
      noClasses()
          .that()
          .resideInAPackage("..agent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..schedule..", "..run..", "..output..", "..planner..");

  @ArchTest
  static final ArchRule outputs_do_not_reach_back_into_the_run =
      noClasses()
          .that()
          .resideInAPackage("..output..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..run..", "..planner..");

  @ArchTest
  static final ArchRule planners_do_not_run_anything =
      noClasses()
          .that()
          .resideInAPackage("..planner..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..schedule..", "..run..", "..output..");
}
