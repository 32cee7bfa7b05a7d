package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import org.junit.jupiter.api.Test;

class ComplexityAnalyzerTest {

  private final RequirementParser parser = new RequirementParser();
  private final ComplexityAnalyzer analyzer = new ComplexityAnalyzer();

  private Complexity analyze(String requirement) {
    return analyzer.analyze(parser.parse(requirement));
  }

  @Test
  void adds_the_points_of_the_domain_components_and_signs_of_scale() {
    Complexity shop = analyze("Build e-commerce platform with product catalog, cart, and checkout");

    assertThat(shop.score())
        .isEqualTo(
            Domain.WEB_APP.baseScore()
                + 3 * ComplexityAnalyzer.POINTS_PER_COMPONENT
                + 2 * ComplexityAnalyzer.POINTS_PER_SCALE_SIGNAL);
  }

  @Test
  void takes_points_away_for_signs_of_simplicity() {
    assertThat(analyze("Build a simple blog").score()).isLessThan(analyze("Build a blog").score());
  }

  @Test
  void never_leaves_the_range_of_0_to_100() {
    assertThat(analyze("Write a simple small tiny script").score()).isZero();
    assertThat(
            analyze(
                    "Create scalable enterprise microservices: users, orders, payments, billing,"
                        + " search, reviews, shipping, inventory, returns, with Kafka, Redis,"
                        + " monitoring, CI/CD and Kubernetes")
                .score())
        .isEqualTo(100);
  }

  @Test
  void reports_components_operations_and_technologies() {
    Complexity complexity =
        analyze(
            "Create microservices: user service, payment gateway, API gateway, with auth,"
                + " monitoring and CI/CD");

    assertThat(complexity.keyFeaturesDetected())
        .containsExactly("user service", "payment gateway", "auth", "monitoring", "CI/CD");
    assertThat(complexity.technicalComponents()).containsExactly("API gateway", "API");
  }

  @Test
  void explains_the_score_in_one_sentence_naming_the_band_and_the_task_range() {
    Complexity complexity =
        analyze("Build e-commerce platform with product catalog, cart, and checkout");

    assertThat(complexity.reasoning())
        .isEqualTo(
            "A web app naming 3 components (product catalog, cart, checkout), signs of scale"
                + " (e-commerce, platform): 60/100, complex, so 9 to 15 tasks.");
  }
}
