package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.FilePatterns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateCatalogueTest {

  private final TemplateCatalogue catalogue = TemplateCatalogue.load();

  @ParameterizedTest
  @EnumSource(Domain.class)
  void starts_every_layout_with_one_short_contract_and_ends_with_verification(Domain domain) {
    List<TaskTemplate> layout = catalogue.layout(domain);

    assertThat(layout.get(0).layer()).isEqualTo(Layer.CONTRACT);
    assertThat(layout.get(0).effort()).isEqualTo(dev.orchestrator.plan.Effort.LOW);
    assertThat(layout.stream().filter(t -> t.layer() == Layer.CONTRACT)).hasSize(1);
    assertThat(layout.get(layout.size() - 1).name()).isEqualTo("Documentation");
    assertThat(layout).extracting(TaskTemplate::layer).isSorted();
  }

  @ParameterizedTest
  @EnumSource(Domain.class)
  void gives_templates_of_one_phase_disjoint_files(Domain domain) {
    List<TaskTemplate> layout = new ArrayList<>(catalogue.layout(domain));
    catalogue.extras(domain).forEach(layout::add);
    List<String> overlaps = new ArrayList<>();
    for (TaskTemplate a : layout) {
      for (TaskTemplate b : layout) {
        boolean together =
            a.layer() == b.layer()
                && !(a.presence() == TaskTemplate.Presence.WITH_COMPONENTS
                    && b.presence() == TaskTemplate.Presence.WITHOUT_COMPONENTS)
                && !(a.presence() == TaskTemplate.Presence.WITHOUT_COMPONENTS
                    && b.presence() == TaskTemplate.Presence.WITH_COMPONENTS)
                && !(a.presence() == TaskTemplate.Presence.WITHOUT_COMPONENTS
                    && b.presence() == TaskTemplate.Presence.EACH_COMPONENT)
                && !(a.presence() == TaskTemplate.Presence.EACH_COMPONENT
                    && b.presence() == TaskTemplate.Presence.WITHOUT_COMPONENTS);
        if (a != b && together && FilePatterns.overlap(withSlug(a), withSlug(b))) {
          overlaps.add(a.key() + " and " + b.key());
        }
      }
    }
    assertThat(overlaps).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Domain.class)
  void gives_a_components_tests_its_own_test_directory_apart_from_every_other_task(Domain domain) {
    List<TaskTemplate> layout = new ArrayList<>(catalogue.layout(domain));
    catalogue.extras(domain).forEach(layout::add);
    catalogue.extras().forEach(layout::add);
    List<String> overlaps = new ArrayList<>();
    for (TaskTemplate tests : layout) {
      if (tests.layer() != Layer.TESTS) {
        continue;
      }
      assertThat(tests.presence()).isEqualTo(TaskTemplate.Presence.EACH_COMPONENT);
      for (TaskTemplate other : layout) {
        List<String> ofOther = other.files().stream().map(f -> f.replace("{slug}", "y")).toList();
        boolean together = other.presence() != TaskTemplate.Presence.WITHOUT_COMPONENTS;
        if (other != tests && together && FilePatterns.overlap(withSlug(tests), ofOther)) {
          overlaps.add(tests.key() + " and " + other.key());
        }
      }
    }
    assertThat(overlaps).isEmpty();
  }

  @Test
  void splits_only_two_hour_component_work_into_an_implementation_and_its_tests() {
    for (TaskTemplate tests : catalogue.all()) {
      if (tests.layer() == Layer.TESTS) {
        TaskTemplate built =
            catalogue.all().stream()
                .filter(t -> (t.key() + "-tests").equals(tests.key()))
                .findFirst()
                .orElseThrow();
        assertThat(built.effort()).isEqualTo(tests.effort());
        assertThat(
                TaskDraft.typicalDuration(built.effort())
                    .plus(TaskDraft.typicalDuration(tests.effort())))
            .isEqualTo(TaskDraft.typicalDuration(dev.orchestrator.plan.Effort.HIGH));
        assertThat(FilePatterns.overlap(withSlug(built), withSlug(tests))).isFalse();
      }
    }
  }

  @Test
  void brings_a_task_for_each_capability_that_is_more_than_a_score() {
    assertThat(catalogue.forCapability(Capability.DATABASE))
        .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Database schema and migrations"));
    assertThat(catalogue.forCapability(Capability.UI)).isEmpty();
  }

  @Test
  void starts_build_and_deployment_configuration_beside_the_contract() {
    assertThat(catalogue.all().stream().filter(TaskTemplate::standalone))
        .extracting(TaskTemplate::name)
        .containsExactlyInAnyOrder(
            "Local environment", "CI/CD pipeline", "Deployment configuration");
  }

  @Test
  void has_enough_extras_to_fill_the_very_complex_band() {
    assertThat(catalogue.extras()).hasSizeGreaterThanOrEqualTo(10);
  }

  // Two different components never share a slug, so one stands for all.
  private static List<String> withSlug(TaskTemplate template) {
    return template.files().stream().map(f -> f.replace("{slug}", "x")).toList();
  }
}
