package dev.orchestrator.planner;

import dev.orchestrator.plan.Complexity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scores how complex a requirement is, from 0 to 100, by adding up what it asks for: the domain's
 * base, points for the product's features, per technology and operational duty, and for words of
 * scale; words of simplicity take points away. The score picks the band and so the number of tasks.
 *
 * <p>Features and infrastructure count apart. Features are the parts of the product the requirement
 * names, or at least those its kind of product always has ("e-commerce": catalog, cart, checkout,
 * orders, payments); past the fifth, each counts half, so a list of features alone reaches the very
 * complex band only from nine on (six or seven are complex work in 9 to 15 tasks). What makes work
 * very complex sooner is infrastructure: technologies, operational duties, and words of scale that
 * say how the product is built or run ("distributed", "scalable"), not what kind of product it is
 * ("platform").
 */
final class ComplexityAnalyzer {

  static final int POINTS_PER_COMPONENT = 8;

  /**
   * Features that count in full. Past them, further features of one product reuse the contract,
   * data model, shells and patterns the first ones set up, and related ones are built together, so
   * each adds half the work.
   */
  static final int FULL_POINT_COMPONENTS = 5;

  static final int POINTS_PER_FURTHER_COMPONENT = 4;
  // Past twelve features the plan is "very complex" anyway; more only saturate the score.
  static final int MAX_COUNTED_COMPONENTS = 12;

  /**
   * The features a kind of product has even when the requirement names fewer: a shop has a catalog,
   * cart, checkout, orders and payments; a bank accounts, transfers, statements, a ledger and
   * compliance.
   */
  static final int IMPLIED_FEATURES = 5;

  static final int POINTS_PER_SCALE_SIGNAL = 8;
  static final int POINTS_PER_SIMPLICITY_SIGNAL = -10;
  static final int MAX_COUNTED_SIGNALS = 2;

  // How the product is built or run. "Platform" is not one: it names the kind of product, and a
  // platform's breadth is what its named features already count.
  private static final Pattern SCALE =
      Keywords.of(
          "enterprise|scalable|at scale|distributed|production(?:-grade|-ready)?"
              + "|multi-tenant|high availability");
  private static final Pattern PRODUCT_KIND =
      Keywords.of("e-?commerce|online store|web shop|marketplace|banking");
  private static final Pattern SIMPLICITY =
      Keywords.of("simple|basic|small|minimal|tiny|quick|toy|prototype|single");

  /** The complexity of the requirement, with what was detected and why it scores as it does. */
  Complexity analyze(Requirement requirement) {
    String text = requirement.text();
    List<Capability.Mention> technologies = requirement.mentionsOf(Capability.Kind.TECHNOLOGY);
    List<Capability.Mention> operations = requirement.mentionsOf(Capability.Kind.OPERATIONS);
    List<String> scale = limit(Keywords.distinct(SCALE, text));
    List<String> simplicity = limit(Keywords.distinct(SIMPLICITY, text));
    List<String> kind = Keywords.distinct(PRODUCT_KIND, text);
    int featureCount =
        kind.isEmpty()
            ? requirement.components().size()
            : Math.max(requirement.components().size(), IMPLIED_FEATURES);
    int raw =
        requirement.domain().baseScore()
            + featurePoints(featureCount)
            + technologies.stream().mapToInt(m -> m.capability().weight()).sum()
            + operations.stream().mapToInt(m -> m.capability().weight()).sum()
            + POINTS_PER_SCALE_SIGNAL * scale.size()
            + POINTS_PER_SIMPLICITY_SIGNAL * simplicity.size();
    int score = Math.max(0, Math.min(100, raw));

    List<String> features = new ArrayList<>();
    requirement.components().forEach(c -> features.add(c.name()));
    operations.forEach(m -> features.add(m.capability().label()));
    List<String> technical = new ArrayList<>();
    technologies.forEach(m -> technical.add(m.words()));
    requirement.domain().stack().stream()
        .filter(capability -> !requirement.mentions(capability))
        .forEach(capability -> technical.add(capability.label()));

    // The band comes from the score alone; a provisional value lets the reasoning name it.
    Complexity scored = new Complexity(score, "", features, technical);
    return new Complexity(
        score,
        reasoning(requirement, technologies, operations, kind, scale, simplicity, scored),
        features,
        technical);
  }

  private static String reasoning(
      Requirement requirement,
      List<Capability.Mention> technologies,
      List<Capability.Mention> operations,
      List<String> kind,
      List<String> scale,
      List<String> simplicity,
      Complexity scored) {
    List<Component> components = requirement.components();
    StringBuilder text = new StringBuilder("A ").append(requirement.domain().label());
    text.append(
        components.isEmpty()
            ? " naming no separate components"
            : " naming "
                + count(components.size(), "component")
                + " ("
                + join(components.stream().map(Component::name).toList())
                + ")");
    if (!kind.isEmpty() && components.size() < IMPLIED_FEATURES) {
      text.append(", counted as the ")
          .append(IMPLIED_FEATURES)
          .append(" features every ")
          .append(kind.get(0))
          .append(" product has");
    }
    if (!technologies.isEmpty()) {
      text.append(", ")
          .append(count(technologies.size(), "technical part"))
          .append(" (")
          .append(join(technologies.stream().map(Capability.Mention::words).toList()))
          .append(")");
    }
    if (!operations.isEmpty()) {
      text.append(", operations work (")
          .append(join(operations.stream().map(m -> m.capability().label()).toList()))
          .append(")");
    }
    if (!scale.isEmpty()) {
      text.append(", signs of scale (").append(join(scale)).append(")");
    }
    if (!simplicity.isEmpty()) {
      text.append(", signs of simplicity (").append(join(simplicity)).append(")");
    }
    TaskBudget budget = TaskBudget.of(scored);
    return text.append(": ")
        .append(scored.score())
        .append("/100, ")
        .append(scored.band())
        .append(", so ")
        .append(budget.describe())
        .append(".")
        .toString();
  }

  /** Full points for the first features, half for the further ones, up to a maximum counted. */
  static int featurePoints(int features) {
    int counted = Math.min(features, MAX_COUNTED_COMPONENTS);
    int full = Math.min(counted, FULL_POINT_COMPONENTS);
    return POINTS_PER_COMPONENT * full + POINTS_PER_FURTHER_COMPONENT * (counted - full);
  }

  private static List<String> limit(List<String> signals) {
    return signals.subList(0, Math.min(MAX_COUNTED_SIGNALS, signals.size()));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String join(List<String> items) {
    return String.join(", ", items);
  }
}
