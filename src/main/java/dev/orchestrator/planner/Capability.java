package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concern a requirement can mention whatever the domain: a user-facing feature, a technology or
 * an operational duty. Constants are tried in declaration order and each match hides its words from
 * later ones, so "API gateway" is one mention, not also an "API".
 *
 * <p>Weights are complexity points: a technology 5, an operational duty 6 (it is a task of its own
 * and touches every part), real-time updates 8 (they change how every part talks). Features weigh
 * nothing here because they become components, which the analyzer counts.
 */
enum Capability {
  AUTHENTICATION(
      "authentication",
      Kind.FEATURE,
      0,
      "auth|authentication|authori[sz]ation|log-?ins?|sign-?(?:up|in)s?|sign (?:up|in)|oauth|jwt"),
  PAYMENTS("payments", Kind.FEATURE, 0, "payments?|billing|stripe|subscriptions?"),
  SEARCH("search", Kind.FEATURE, 0, "search|full-text search"),
  NOTIFICATIONS("notifications", Kind.FEATURE, 0, "notifications?|e-?mail alerts?"),
  FILE_UPLOADS("file uploads", Kind.FEATURE, 0, "(?:file |image |photo )?uploads?"),
  API_GATEWAY("API gateway", Kind.TECHNOLOGY, 5, "api gateway"),
  REAL_TIME(
      "real-time updates", Kind.TECHNOLOGY, 8, "real-?time(?: updates)?|websockets?|live updates"),
  API(
      "API",
      Kind.TECHNOLOGY,
      5,
      "(?:backend |rest(?:ful)? |http |graphql )?apis?|rest(?:ful)?|graphql|back-?end|endpoints?"
          + "|express|django|flask|fastapi|spring boot"),
  UI(
      "UI",
      Kind.TECHNOLOGY,
      5,
      "front-?end(?: ui)?|user interface|web ui|ui|gui|react|vue|angular|svelte"),
  DATABASE(
      "database",
      Kind.TECHNOLOGY,
      5,
      "(?:postgres(?:ql)?|mysql|mongo(?:db)?|sqlite|dynamodb|sql)(?: database| warehouse| db)?"
          + "|(?:data )?warehouse|databases?|db|persistence"),
  FILE_FORMATS("file formats", Kind.TECHNOLOGY, 5, "csv|json|parquet|excel|xml|spreadsheets?"),
  MESSAGING(
      "message queue",
      Kind.TECHNOLOGY,
      5,
      "kafka|rabbitmq|message (?:queues?|brokers?|bus)|event bus|pub/?sub"),
  CACHE("cache", Kind.TECHNOLOGY, 5, "redis|memcached|cache|caching"),
  MONITORING(
      "monitoring",
      Kind.OPERATIONS,
      6,
      "monitoring|observability|metrics|alerting|tracing|logging"),
  CI_CD("CI/CD", Kind.OPERATIONS, 6, "ci/cd|ci|continuous (?:integration|delivery|deployment)"),
  DEPLOYMENT(
      "deployment",
      Kind.OPERATIONS,
      6,
      "deploy(?:s|ed|ing|ment)?|docker(?:ized|file)?|kubernetes|k8s|helm|terraform"
          + "|containeri[sz](?:e|ed|ation)");

  /** What a mention of the capability means for the plan. */
  enum Kind {
    /** Something users do; it becomes a component with its own tasks. */
    FEATURE,
    /** A technical part; it adds to the score and may add a task of its own. */
    TECHNOLOGY,
    /** An operational duty (monitoring, CI/CD, deployment); it adds a verification task. */
    OPERATIONS
  }

  /**
   * Where the requirement first mentions a capability.
   *
   * @param words the requirement's own words ("PostgreSQL warehouse")
   * @param position index in the requirement
   */
  record Mention(Capability capability, String words, int position) {
    Mention {
      requireNonNull(capability, "capability");
      requireNonNull(words, "words");
    }
  }

  // Words that say nothing about what is built once the technology is taken out:
  // "CI/CD pipeline", "monitoring service", "backend API layer".
  private static final Set<String> FILLER =
      Set.of(
          ("a an the and or with support layer tier integration setup pipeline pipelines stack"
                  + " based full basic simple side service services server app application system")
              .split(" "));

  private final String label;
  private final Kind kind;
  private final int weight;
  private final Pattern pattern;

  Capability(String label, Kind kind, int weight, String words) {
    this.label = label;
    this.kind = kind;
    this.weight = weight;
    this.pattern = Keywords.of(words);
  }

  Kind kind() {
    return kind;
  }

  /** Points the mention adds to the complexity score; features count as components instead. */
  int weight() {
    return weight;
  }

  /** The name of the capability when it becomes a component or a key feature. */
  String label() {
    return label;
  }

  /** Whether the text mentions this capability. */
  boolean mentionedIn(String text) {
    return pattern.matcher(text).find();
  }

  /** The first mention of every capability in the text, in the order of the text. */
  static List<Mention> detect(String text) {
    List<Mention> mentions = new ArrayList<>();
    for (Match match : matches(text)) {
      if (mentions.stream().noneMatch(m -> m.capability() == match.capability)) {
        mentions.add(
            new Mention(match.capability, text.substring(match.start, match.end), match.start));
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::position));
    return mentions;
  }

  /**
   * Whether a listed item names only technology or operations ("backend API", "CI/CD pipeline")
   * rather than a part of the product ("payment gateway", "auth").
   */
  static boolean isTechnical(String item) {
    char[] residue = item.toCharArray();
    boolean technical = false;
    for (Match match : matches(item)) {
      if (match.capability.kind != Kind.FEATURE) {
        technical = true;
        Arrays.fill(residue, match.start, match.end, ' ');
      }
    }
    return technical
        && Arrays.stream(new String(residue).toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
            .allMatch(word -> word.isEmpty() || FILLER.contains(word));
  }

  private record Match(Capability capability, int start, int end) {}

  // Every match of every capability; earlier constants hide their words from later ones.
  private static List<Match> matches(String text) {
    StringBuilder working = new StringBuilder(text);
    List<Match> found = new ArrayList<>();
    for (Capability capability : values()) {
      Matcher m = capability.pattern.matcher(working.toString());
      while (m.find()) {
        found.add(new Match(capability, m.start(), m.end()));
      }
      for (int i = found.size() - 1; i >= 0 && found.get(i).capability == capability; i--) {
        Match match = found.get(i);
        for (int at = match.start; at < match.end; at++) {
          working.setCharAt(at, ' ');
        }
      }
    }
    return found;
  }
}
