package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.Effort;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTemplateTest {

  private static final TaskTemplate SERVICE =
      TaskTemplate.of(
          Layer.CORE,
          TaskTemplate.Presence.EACH_COMPONENT,
          "{Service}",
          Effort.HIGH,
          "Build the {service} of the {subject}.",
          List.of("services/{slug}/src/**"),
          "{Component} works",
          "{Service} is tested");

  @Test
  void fills_in_the_subject_and_the_component() {
    TaskDraft draft = SERVICE.draft("shop", Component.named("auth", 0));

    assertThat(draft.name()).isEqualTo("Auth service");
    assertThat(draft.description()).isEqualTo("Build the auth service of the shop.");
    assertThat(draft.files()).containsExactly("services/auth/src/**");
    assertThat(draft.criteria()).containsExactly("Auth works", "Auth service is tested");
    assertThat(draft.components()).containsExactly("auth");
  }

  @Test
  void does_not_repeat_service_after_a_name_that_has_it() {
    assertThat(SERVICE.draft("shop", Component.named("user service", 0)).name())
        .isEqualTo("User service");
  }

  @Test
  void estimates_from_the_effort_at_the_priority_of_the_layer() {
    TaskDraft draft = SERVICE.draft("shop", Component.named("cart", 0));

    assertThat(draft.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(draft.priority()).isEqualTo(Layer.CORE.priority());
  }

  @Test
  void needs_a_component_exactly_when_it_is_drafted_for_each_one() {
    assertThatThrownBy(() -> SERVICE.draft("shop", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CommonTemplates.DOCUMENTATION.draft("shop", Component.named("cart", 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needs_two_to_four_acceptance_criteria() {
    assertThatThrownBy(
            () ->
                TaskTemplate.of(
                    Layer.CORE,
                    TaskTemplate.Presence.ALWAYS,
                    "Vague",
                    Effort.LOW,
                    "Do things.",
                    List.of("src/**"),
                    "It works"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 to 4 acceptance criteria");
  }

  @Test
  void makes_paths_from_a_slug_of_the_component_name() {
    assertThat(Component.named("Product Catalog (v2)", 0).slug()).isEqualTo("product-catalog-v2");
    assertThat(Component.named("???", 0).slug()).isEqualTo("part");
  }
}
