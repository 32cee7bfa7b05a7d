package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.plan.Complexity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexityAnalyzerTest {

  private final RequirementParser parser = new RequirementParser();
  private final ComplexityAnalyzer analyzer = new ComplexityAnalyzer();

  private Complexity analyze(String requirement) {
    return analyzer.analyze(parser.parse(requirement));
  }

  @Test
  void adds_the_points_of_the_domain_components_and_signs_of_scale() {
    Complexity blog = analyze("Build a scalable distributed blog with posts, comments and tags");

    assertThat(blog.score())
        .isEqualTo(
            Domain.WEB_APP.baseScore()
                + 3 * ComplexityAnalyzer.POINTS_PER_COMPONENT
                + 2 * ComplexityAnalyzer.POINTS_PER_SCALE_SIGNAL);
  }

  @Test
  void counts_a_kind_of_product_as_the_features_it_always_has() {
    Complexity shop = analyze("Build e-commerce platform with product catalog, cart, and checkout");

    assertThat(shop.score())
        .isEqualTo(
            Domain.WEB_APP.baseScore()
                + ComplexityAnalyzer.IMPLIED_FEATURES * ComplexityAnalyzer.POINTS_PER_COMPONENT);
  }

  @Test
  void counts_the_features_past_the_fifth_at_half_points() {
    assertThat(ComplexityAnalyzer.featurePoints(5)).isEqualTo(40);
    assertThat(ComplexityAnalyzer.featurePoints(7)).isEqualTo(48);
    assertThat(ComplexityAnalyzer.featurePoints(ComplexityAnalyzer.MAX_COUNTED_COMPONENTS + 3))
        .isEqualTo(ComplexityAnalyzer.featurePoints(ComplexityAnalyzer.MAX_COUNTED_COMPONENTS));
  }

  @Test
  @DisplayName("\"platform\" names the kind of product: it adds no points of scale")
  void platform_is_no_sign_of_scale() {
    String features = " with user profiles, posts, comments, likes, notifications and search";

    assertThat(analyze("Build a social media platform" + features).score())
        .isEqualTo(analyze("Build a social media app" + features).score());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Build a social media platform with user profiles, posts, comments, likes, notifications"
            + " and search",
        "Build an online learning platform with courses, video lessons, quizzes, progress"
            + " tracking, payments and certificates",
        "Build a web app with login, profiles, posts, comments, likes, messages and search"
      })
  @DisplayName("six or seven features without infrastructure are complex work")
  void six_or_seven_features_without_infrastructure_are_complex(String requirement) {
    assertThat(analyze(requirement).band()).isEqualTo("complex");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Build a scalable enterprise distributed platform with Kafka, Redis, PostgreSQL, Docker,"
            + " monitoring and CI/CD",
        "Create microservices for a ride-sharing app: rider service, driver service, trip service,"
            + " pricing service and notification service",
        "Build a banking platform with accounts, transfers, statements, fraud detection,"
            + " PostgreSQL and Kafka",
        "Build a social media platform with user profiles, posts, comments, likes, notifications"
            + " and search, with Kafka, Redis, Kubernetes and monitoring",
        "Build a web app with login, real-time chat, notifications, file uploads, search,"
            + " payments, admin dashboard, analytics, comments, tags and user profiles",
        "Build a web app with login, profiles, posts, comments, likes, messages, search, groups"
            + " and events"
      })
  @DisplayName("infrastructure, or nine features and more, stay very complex")
  void infrastructure_or_nine_features_stay_very_complex(String requirement) {
    assertThat(analyze(requirement).band()).isEqualTo("very complex");
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
            "A web app naming 3 components (product catalog, cart, checkout), counted as the 5"
                + " features every e-commerce product has: 60/100, complex, so 9 to 15 tasks.");
  }
}
