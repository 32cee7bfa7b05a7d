package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementParserTest {

  private final RequirementParser parser = new RequirementParser();

  private List<String> components(String requirement) {
    return parser.parse(requirement).components().stream().map(Component::name).toList();
  }

  @Nested
  class FindsTheDomain {

    @ParameterizedTest(name = "{1}: \"{0}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "Build a todo list app with backend API and frontend UI | WEB_APP",
          "Build e-commerce platform with product catalog, cart, and checkout | WEB_APP",
          "Build a REST API for a library: books, members and loans | REST_API",
          "Build an ETL pipeline that extracts CSV sales data and loads it | DATA_PIPELINE",
          "Train a machine learning model to classify customer churn | ML_MODEL",
          "Create a 2D platformer game with player movement | GAME",
          "Build an Android and iOS mobile app for recipes | MOBILE_APP",
          "Create a calculator function | CLI_LIBRARY",
          "Create a command-line tool that renames photos | CLI_LIBRARY",
          "Create microservices: user service, order service, API gateway | MICROSERVICES"
        })
    void from_its_words(String requirement, Domain domain) {
      assertThat(parser.parse(requirement).domain()).isEqualTo(domain);
    }

    @Test
    void or_takes_a_command_line_tool_or_library_when_no_word_tells() {
      assertThat(parser.parse("Sort my photos").domain()).isEqualTo(Domain.CLI_LIBRARY);
    }
  }

  @Nested
  class FindsTheSubject {

    @ParameterizedTest(name = "\"{1}\" in \"{0}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "Build a todo list app with backend API and frontend UI | todo list app",
          "Create a calculator function | calculator function",
          "Build e-commerce platform with product catalog | e-commerce platform",
          "Build an ETL pipeline that extracts CSV sales data | ETL pipeline",
          "Train a machine learning model to classify churn | machine learning model",
          "Create a 2D platformer game with enemies | 2D platformer game",
          "Create microservices: user service, order service | microservices"
        })
    void as_the_product_noun_and_its_qualifiers(String requirement, String subject) {
      assertThat(parser.parse(requirement).subject()).isEqualTo(subject);
    }

    @Test
    void or_names_the_domain_when_there_is_no_product_noun() {
      assertThat(parser.parse("Sort my photos").subject()).isEqualTo(Domain.CLI_LIBRARY.label());
    }
  }

  @Nested
  class FindsTheComponents {

    @Test
    void in_a_list_with_an_oxford_comma() {
      assertThat(components("Build a shop with product catalog, cart, and checkout"))
          .containsExactly("product catalog", "cart", "checkout");
    }

    @Test
    void in_a_list_without_an_oxford_comma() {
      assertThat(components("Build a shop with product catalog, cart and checkout"))
          .containsExactly("product catalog", "cart", "checkout");
    }

    @Test
    void after_with() {
      assertThat(components("Build a blog with comments")).containsExactly("comments");
    }

    @Test
    void after_a_colon_including_a_later_with() {
      assertThat(
              components(
                  "Create microservices: user service, order service, payment gateway, API"
                      + " gateway, with auth, monitoring and CI/CD"))
          .containsExactly("user service", "order service", "payment gateway", "auth");
    }

    @Test
    void after_for_only_when_a_comma_list_follows() {
      assertThat(components("Create microservices for product, order and payment services"))
          .containsExactly("product", "order", "payment");
      assertThat(components("Build a web app with login for admins")).containsExactly("login");
    }

    @Test
    void in_every_sentence() {
      assertThat(
              components("Build a web app with a blog. It also has a shop with cart and wishlist."))
          .containsExactly("blog", "cart", "wishlist");
    }

    @Test
    void without_the_clause_that_follows_an_item() {
      assertThat(components("Build a web app with login that uses OAuth and chat"))
          .containsExactly("login", "chat");
    }

    @Test
    void but_not_the_technologies_a_list_names() {
      assertThat(components("Build a todo list app with backend API and frontend UI")).isEmpty();
    }

    @Test
    void that_the_domain_knows_by_name_anywhere_in_the_text() {
      assertThat(
              components(
                  "Build an ETL pipeline that extracts CSV sales data, transforms and aggregates"
                      + " it, and loads it into a PostgreSQL warehouse"))
          .containsExactly("extract", "transform", "aggregate", "load");
    }

    @Test
    void once_when_a_list_already_names_a_known_part() {
      assertThat(
              components(
                  "Train a machine learning model with preprocessing, feature engineering and"
                      + " evaluation"))
          .containsExactly("training", "preprocessing", "feature engineering", "evaluation");
    }

    @Test
    void that_are_features_mentioned_outside_a_list() {
      assertThat(components("Build a web app where users sign up and search recipes"))
          .containsExactly("authentication", "search");
    }
  }

  @Test
  void drops_a_technology_named_inside_a_component() {
    Requirement requirement =
        parser.parse("Create a CLI tool with init, build and deploy commands");

    assertThat(requirement.mentions(Capability.DEPLOYMENT)).isFalse();
  }

  @Test
  void normalises_white_space() {
    assertThat(parser.parse("  Build   a\n blog ").text()).isEqualTo("Build a blog");
  }
}
