package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.Effort;
import dev.orchestrator.plan.FilePatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A task of the plan being made, before it has an id and dependencies.
 *
 * @param titles the name, or the names of the drafts merged into this one
 * @param components slugs of the components whose work the task does, also when merged with shared
 *     work
 * @param shared whether the task does shared work (a shell, the database) rather than only work on
 *     named components
 * @param kinds the catalogue keys of the templates it was drafted from: the kinds of work it does
 * @param standalone a part that does not wait for the contract
 * @param files paths or globs the task owns
 */
record TaskDraft(
    List<String> titles,
    String description,
    Layer layer,
    int priority,
    List<String> components,
    boolean shared,
    List<String> kinds,
    boolean standalone,
    Duration duration,
    List<String> files,
    List<String> criteria) {

  private static final int MAX_CRITERIA = 4;

  TaskDraft {
    titles = List.copyOf(titles);
    requireNonNull(description, "description");
    requireNonNull(layer, "layer");
    components = List.copyOf(components);
    kinds = List.copyOf(kinds);
    requireNonNull(duration, "duration");
    files = List.copyOf(files);
    criteria = List.copyOf(criteria);
  }

  /** The estimate the planner gives a task of this effort. */
  static Duration typicalDuration(Effort effort) {
    switch (effort) {
      case LOW:
        return Duration.ofMinutes(30);
      case MEDIUM:
        return Duration.ofHours(1);
      default:
        return Duration.ofHours(2);
    }
  }

  /**
   * The task name: the titles joined as a phrase ("Integration tests and documentation"), or with
   * plus signs when a title has an "and" of its own ("Data model and schema + resource endpoints").
   */
  String name() {
    boolean plain = titles.stream().noneMatch(t -> t.contains(" and "));
    StringBuilder name = new StringBuilder(titles.get(0));
    for (int i = 1; i < titles.size(); i++) {
      String separator = !plain ? " + " : i == titles.size() - 1 ? " and " : ", ";
      name.append(separator).append(lowerFirst(titles.get(i)));
    }
    return name.toString();
  }

  /** Effort as the duration suggests: under an hour low, under two medium, else high. */
  Effort effort() {
    if (duration.compareTo(Duration.ofHours(1)) < 0) {
      return Effort.LOW;
    }
    return duration.compareTo(Duration.ofHours(2)) < 0 ? Effort.MEDIUM : Effort.HIGH;
  }

  /**
   * Whether other drafts already do this work: one has the same name or owns some of its files. The
   * web app's data model owns {@code db/**}, so a mentioned database adds no schema task there.
   */
  boolean coveredBy(List<TaskDraft> others) {
    return others.stream()
        .anyMatch(o -> o.name().equals(name()) || FilePatterns.overlap(o.files(), files));
  }

  /**
   * One task doing the work of both: it owns the files of both, takes the time of both, works on
   * the components of both and is shared work when either is. Tasks of one phase merge; so do a
   * component's tests with a part or with verification, and the result takes the other's phase.
   * Whoever merges a part with tests makes sure that the part builds what the tests test.
   *
   * @throws IllegalArgumentException if the two are in different phases and neither is tests
   */
  TaskDraft mergedWith(TaskDraft other) {
    if (layer != other.layer && layer != Layer.TESTS && other.layer != Layer.TESTS) {
      throw new IllegalArgumentException(
          "only tasks of one phase merge, or tests with another phase: "
              + name()
              + " and "
              + other.name());
    }
    List<String> criteriaOfBoth = new ArrayList<>();
    criteriaOfBoth.addAll(criteria.subList(0, Math.min(2, criteria.size())));
    criteriaOfBoth.addAll(other.criteria.subList(0, Math.min(2, other.criteria.size())));
    return new TaskDraft(
        concat(titles, other.titles),
        description + " " + other.description,
        layer == Layer.TESTS ? other.layer : layer,
        Math.min(priority, other.priority),
        concat(components, other.components),
        shared || other.shared,
        concat(kinds, other.kinds),
        standalone && other.standalone,
        duration.plus(other.duration),
        concat(files, other.files),
        criteriaOfBoth.subList(0, Math.min(MAX_CRITERIA, criteriaOfBoth.size())));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    Set<String> both = new LinkedHashSet<>(a);
    both.addAll(b);
    return List.copyOf(both);
  }

  // "Backend API" reads as "backend API" inside a phrase; an acronym such as "API gateway" stays.
  private static String lowerFirst(String title) {
    boolean acronym = title.length() > 1 && Character.isUpperCase(title.charAt(1));
    return acronym ? title : title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
  }
}
