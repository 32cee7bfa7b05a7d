package dev.orchestrator.planner;

import static dev.orchestrator.planner.Capability.API;
import static dev.orchestrator.planner.Capability.API_GATEWAY;
import static dev.orchestrator.planner.Capability.DATABASE;
import static dev.orchestrator.planner.Capability.UI;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of product a requirement asks for, recognised by its words. Declaration order breaks
 * ties, most specific first, so "microservices ... API gateway" is microservices and not a REST
 * API.
 */
enum Domain {
  MICROSERVICES(
      "microservices system",
      35,
      "micro-?services?|service mesh|api gateway",
      "distributed|event-driven|kafka|kubernetes|services",
      List.of(API_GATEWAY, API),
      List.of()),
  DATA_PIPELINE(
      "data pipeline",
      22,
      "etl|elt|data pipelines?|data warehouse|ingestion",
      "pipelines?|extract\\w*|transform\\w*|loads?|loading|warehouse|csv|batch|aggregat\\w*",
      List.of(),
      List.of(
          part("extract", "extract\\w*"),
          part("validate", "validat\\w*"),
          part("clean", "clean\\w*"),
          part("deduplicate", "dedup\\w*"),
          part("transform", "transform\\w*"),
          part("enrich", "enrich\\w*"),
          part("aggregate", "aggregat\\w*"),
          part("load", "loads?|loading"))),
  ML_MODEL(
      "machine learning model",
      25,
      "machine learning|ml|deep learning|neural net(?:work)?s?|classif\\w*|regression"
          + "|recommend(?:er|ation engine)s?",
      "models?|train\\w*|predict\\w*|features?|datasets?|accuracy|churn",
      List.of(),
      List.of(
          part("data preprocessing", "pre-?process\\w*"),
          part("feature engineering", "feature (?:engineering|extraction|selection)"),
          part("training", "train\\w*"),
          part("hyperparameter tuning", "hyper-?parameters?|tuning"),
          part("evaluation", "evaluat\\w*"))),
  GAME(
      "game",
      22,
      "games?|platformer|2d|3d|arcade|rpg",
      "players?|enem(?:y|ies)|levels?|sprites?|scores?",
      List.of(),
      // A platformer needs physics even when nobody says so.
      List.of(part("physics and collision", "platformer|physics|collisions?|gravity|jump\\w*"))),
  MOBILE_APP(
      "mobile app",
      25,
      "mobile|ios|android|react native|flutter|iphone",
      "apps?|screens?|offline|push notifications?",
      List.of(UI, API),
      List.of()),
  WEB_APP(
      "web app",
      20,
      "web ?apps?|web applications?|web ?sites?|front-?end|ui|user interface|e-?commerce"
          + "|online store|web shop|dashboards?|portal|blog",
      "apps?|applications?|platform|pages?|cart|checkout|catalog|todo|users?",
      List.of(DATABASE, API, UI),
      List.of()),
  REST_API(
      "REST API",
      20,
      "rest(?:ful)?|apis?|back-?end|graphql|endpoints?|web services?",
      "server|crud|json|http",
      List.of(DATABASE, API),
      List.of()),
  CLI_LIBRARY(
      "command-line tool or library",
      10,
      "cli|command-line|command line|terminal|library|sdk|function|script",
      "tool|utility|package|module|calculator|parser|converter",
      List.of(),
      List.of());

  /** A component the domain knows by name, found wherever the requirement mentions it. */
  record Part(String name, Pattern pattern) {}

  private final String label;
  private final int baseScore;
  private final Pattern strong;
  private final Pattern weak;
  private final List<Capability> stack;
  private final List<Part> parts;

  Domain(
      String label,
      int baseScore,
      String strong,
      String weak,
      List<Capability> stack,
      List<Part> parts) {
    this.label = label;
    this.baseScore = baseScore;
    this.strong = Keywords.of(strong);
    this.weak = Keywords.of(weak);
    this.stack = stack;
    this.parts = parts;
  }

  private static Part part(String name, String words) {
    return new Part(name, Keywords.of(words));
  }

  /** What the domain builds, in words ("web app"). */
  String label() {
    return label;
  }

  /**
   * Complexity score of the plainest product of the domain, before its components count: a function
   * is less work than a web app, which is less than a set of microservices. Together with the
   * analyzer's points they put the examples of the issue in their bands.
   */
  int baseScore() {
    return baseScore;
  }

  /** The technical parts every product of the domain has, mentioned or not. */
  List<Capability> stack() {
    return stack;
  }

  /**
   * The domain of a requirement: the one whose words it uses most, a distinct strong word counting
   * three times a weak one. Without any such word, a command-line tool or library.
   */
  static Domain detect(String text) {
    Domain best = CLI_LIBRARY;
    int bestSignal = 0;
    for (Domain domain : values()) {
      int signal =
          3 * Keywords.distinct(domain.strong, text).size()
              + Keywords.distinct(domain.weak, text).size();
      if (signal > bestSignal) {
        best = domain;
        bestSignal = signal;
      }
    }
    return best;
  }

  /**
   * The parts of this domain the text mentions and no listed component already names ("data
   * preprocessing" is already named by a listed "preprocessing"), in the order of the text.
   */
  List<Component> knownPartsIn(String text, List<Component> listed) {
    List<Component> found = new ArrayList<>();
    for (Part part : parts) {
      Matcher m = part.pattern().matcher(text);
      boolean named = listed.stream().anyMatch(c -> part.pattern().matcher(c.name()).find());
      if (!named && m.find()) {
        found.add(Component.named(part.name(), m.start()));
      }
    }
    found.sort(Comparator.comparingInt(Component::position));
    return found;
  }
}
