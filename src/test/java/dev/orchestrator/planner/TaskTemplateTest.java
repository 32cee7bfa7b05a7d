package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.plan.Effort;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTemplateTest {

  static TaskTemplate template(
      Layer layer, TaskTemplate.Presence presence, String name, List<String> criteria) {
    return new TaskTemplate(
        name.toLowerCase(java.util.Locale.ROOT),
        layer,
        presence,
        Stack.Side.CODE,
        false,
        layer.priority(),
        name,
        Effort.HIGH,
        "Build the {service} of the {subject}.",
        List.of("services/{slug}/src/**", "docker-compose.yml"),
        criteria);
  }

  private static final TaskTemplate SERVICE =
      template(
          Layer.PART,
          TaskTemplate.Presence.EACH_COMPONENT,
          "{Service}",
          List.of("{Component} works", "{Service} is tested"));

  @Test
  void fills_in_the_subject_and_the_component() {
    TaskDraft draft = SERVICE.draft("shop", Component.named("auth", 0), Stack.NONE);

    assertThat(draft.name()).isEqualTo("Auth service");
    assertThat(draft.description()).isEqualTo("Build the auth service of the shop.");
    assertThat(draft.files()).containsExactly("services/auth/src/**", "docker-compose.yml");
    assertThat(draft.criteria()).containsExactly("Auth works", "Auth service is tested");
    assertThat(draft.components()).containsExactly("auth");
    assertThat(draft.kinds()).containsExactly("{service}");
  }

  @Test
  void does_not_repeat_service_after_a_name_that_has_it() {
    assertThat(SERVICE.draft("shop", Component.named("user service", 0), Stack.NONE).name())
        .isEqualTo("User service");
  }

  @Test
  void estimates_from_the_effort_at_the_priority_of_the_phase() {
    TaskDraft draft = SERVICE.draft("shop", Component.named("cart", 0), Stack.NONE);

    assertThat(draft.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(draft.priority()).isEqualTo(Layer.PART.priority());
  }

  @Test
  void claims_only_files_of_the_language_the_requirement_names_for_its_side() {
    Stack java = Stack.of("a Spring Boot Java backend");

    TaskDraft draft = SERVICE.draft("shop", Component.named("cart", 0), java);

    assertThat(draft.files()).containsExactly("services/cart/src/**/*.java", "docker-compose.yml");
    assertThat(draft.description()).endsWith("Use Spring Boot, as the requirement asks.");
  }

  @Test
  void needs_a_component_exactly_when_it_is_drafted_for_each_one() {
    TaskTemplate docs =
        template(Layer.VERIFICATION, TaskTemplate.Presence.ALWAYS, "Docs", List.of("one", "two"));

    assertThatThrownBy(() -> SERVICE.draft("shop", null, Stack.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> docs.draft("shop", Component.named("cart", 0), Stack.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needs_two_to_four_acceptance_criteria() {
    assertThatThrownBy(
            () -> template(Layer.PART, TaskTemplate.Presence.ALWAYS, "Vague", List.of("It works")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 to 4 acceptance criteria");
  }

  @Test
  void makes_paths_from_a_slug_of_the_component_name() {
    assertThat(Component.named("Product Catalog (v2)", 0).slug()).isEqualTo("product-catalog-v2");
    assertThat(Component.named("???", 0).slug()).isEqualTo("part");
  }
}
