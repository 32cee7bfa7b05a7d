package dev.orchestrator.cli;

import java.util.Locale;

/** The example scenarios of {@code orchestrator demo}, from the original tool. */
enum Scenario {
  CALCULATOR("Create a calculator function", 1),
  TODO("Build a todo list app with backend API and frontend UI", 3),
  ECOMMERCE("Build e-commerce platform with product catalog, cart, and checkout", 5),
  ETL(
      "Build an ETL pipeline that extracts CSV sales data, transforms and aggregates it, and loads"
          + " it into a PostgreSQL warehouse",
      3),
  ML(
      "Train a machine learning model to classify customer churn with data preprocessing, feature"
          + " engineering, training and evaluation",
      3),
  GAME("Create a 2D platformer game with player movement, enemies, levels and score tracking", 4),
  MICROSERVICES(
      "Create microservices: user service, product service, order service, payment gateway, API"
          + " gateway, with auth, monitoring and CI/CD",
      8);

  final String requirements;
  final int suggestedExecutors;

  Scenario(String requirements, int suggestedExecutors) {
    this.requirements = requirements;
    this.suggestedExecutors = suggestedExecutors;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
