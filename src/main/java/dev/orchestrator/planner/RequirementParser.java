package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a requirement in plain words: its domain, its subject, its components, its mentions. */
final class RequirementParser {

  // The noun that says what is built; the words before it in the same phrase qualify it.
  private static final Pattern PRODUCT =
      Pattern.compile(
          "(?<![\\w/-])(?:micro-?services?|apps?|applications?|platform|web ?sites?|site|apis?"
              + "|services?|backend|pipelines?|models?|classifiers?|games?|tools?|cli|library"
              + "|function|script|utility|package|system|dashboard|bot|program)(?![\\w/-])",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> PHRASE_BREAKS =
      Set.of("with", "for", "that", "to", "of", "and", "or", "which", "using", "in", "on");
  private static final Set<String> LEADING_WORDS =
      Set.of(
          ("build create make develop write implement design train code set up a an the me"
                  + " please new i we want need")
              .split(" "));
  private static final int MAX_QUALIFIERS = 4;

  private final ComponentExtractor extractor = new ComponentExtractor();

  /** The requirement as the planner understands it; {@code text} must not be blank. */
  Requirement parse(String text) {
    String normalized = text.strip().replaceAll("\\s+", " ");
    List<Capability.Mention> mentions = Capability.detect(normalized);
    Domain domain = Domain.detect(normalized);
    // An API with a user interface is a web app: "a React frontend and a Spring Boot REST backend".
    if (domain == Domain.REST_API
        && mentions.stream().anyMatch(m -> m.capability() == Capability.UI)) {
      domain = Domain.WEB_APP;
    }
    List<Component> components = extractor.extract(normalized, domain, mentions);
    return new Requirement(
        normalized,
        domain,
        subject(normalized, domain),
        components,
        mentions.stream().filter(m -> !insideComponent(m, components)).toList(),
        Stack.of(normalized));
  }

  // A technology named inside a component is that component's business: "deploy commands" is a
  // command of a tool, not deployment work, and "real-time chat" does not need a second task.
  private static boolean insideComponent(Capability.Mention mention, List<Component> components) {
    return mention.capability().kind() != Capability.Kind.FEATURE
        && components.stream()
            .anyMatch(
                c ->
                    mention.position() >= c.position()
                        && mention.position() < c.position() + c.name().length());
  }

  /**
   * "Build a todo list app with ..." is about a "todo list app"; without a product noun, the
   * domain.
   */
  static String subject(String text, Domain domain) {
    Matcher product = PRODUCT.matcher(text);
    if (!product.find()) {
      return domain.label();
    }
    List<String> before = Arrays.asList(text.substring(0, product.start()).trim().split("\\s+"));
    List<String> qualifiers = new ArrayList<>();
    for (int i = before.size() - 1; i >= 0 && qualifiers.size() < MAX_QUALIFIERS; i--) {
      String word = before.get(i);
      if (word.isEmpty()
          || PHRASE_BREAKS.contains(word.toLowerCase(Locale.ROOT))
          || word.matches(".*[,:;.!?]$")) {
        break;
      }
      qualifiers.add(0, word);
    }
    while (!qualifiers.isEmpty()
        && LEADING_WORDS.contains(qualifiers.get(0).toLowerCase(Locale.ROOT))) {
      qualifiers.remove(0);
    }
    qualifiers.add(product.group());
    return String.join(" ", qualifiers);
  }
}
