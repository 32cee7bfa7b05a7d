package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.Effort;
import java.util.List;

/**
 * A task of a domain's layout before it knows the requirement. Texts may hold placeholders: {@code
 * {subject}} and {@code {Subject}} (what is built, "todo list app"), {@code {component}} and {@code
 * {Component}}, {@code {service}} and {@code {Service}} (the component as a service name, "auth
 * service") and {@code {slug}} (the component in paths).
 *
 * @param presence when the layout uses the template, given the components the requirement names
 * @param files paths or globs the task owns, 1 or more
 * @param criteria acceptance criteria, 2 to 4
 */
record TaskTemplate(
    Layer layer,
    Presence presence,
    int priority,
    String name,
    Effort effort,
    String description,
    List<String> files,
    List<String> criteria) {

  /** When a layout uses a template. */
  enum Presence {
    /** In every plan of the domain. */
    ALWAYS,
    /** Only when the requirement names no component: the template stands in for them. */
    WITHOUT_COMPONENTS,
    /** Only when the requirement names components: shared work around them. */
    WITH_COMPONENTS,
    /** Once for every named component. */
    EACH_COMPONENT
  }

  TaskTemplate {
    requireNonNull(layer, "layer");
    requireNonNull(presence, "presence");
    requireNonNull(name, "name");
    requireNonNull(effort, "effort");
    requireNonNull(description, "description");
    files = List.copyOf(files);
    criteria = List.copyOf(criteria);
    if (files.isEmpty()) {
      throw new IllegalArgumentException(name + ": a template must own at least one path");
    }
    if (criteria.size() < 2 || criteria.size() > 4) {
      throw new IllegalArgumentException(name + ": a template needs 2 to 4 acceptance criteria");
    }
  }

  /** A template with its layer's priority. */
  static TaskTemplate of(
      Layer layer,
      Presence presence,
      String name,
      Effort effort,
      String description,
      List<String> files,
      String... criteria) {
    return new TaskTemplate(
        layer, presence, layer.priority(), name, effort, description, files, List.of(criteria));
  }

  /** This template at another priority, for work that can wait (documentation, extras). */
  TaskTemplate withPriority(int newPriority) {
    return new TaskTemplate(
        layer, presence, newPriority, name, effort, description, files, criteria);
  }

  /** This template used in other circumstances, such as a common template only with components. */
  TaskTemplate withPresence(Presence newPresence) {
    return new TaskTemplate(
        layer, newPresence, priority, name, effort, description, files, criteria);
  }

  /**
   * The draft task for a requirement.
   *
   * @param component the component the task is for; null unless the presence is {@link
   *     Presence#EACH_COMPONENT}
   */
  TaskDraft draft(String subject, Component component) {
    if ((component == null) == (presence == Presence.EACH_COMPONENT)) {
      throw new IllegalArgumentException(
          name + ": a component is needed exactly for EACH_COMPONENT");
    }
    return new TaskDraft(
        List.of(fill(name, subject, component)),
        fill(description, subject, component),
        layer,
        priority,
        component == null ? List.of() : List.of(component.slug()),
        TaskDraft.typicalDuration(effort),
        files.stream().map(f -> fill(f, subject, component)).toList(),
        criteria.stream().map(c -> fill(c, subject, component)).toList());
  }

  private static String fill(String text, String subject, Component component) {
    String filled =
        text.replace("{subject}", subject).replace("{Subject}", Component.capitalize(subject));
    if (component == null) {
      return filled;
    }
    return filled
        .replace("{component}", component.name())
        .replace("{Component}", component.title())
        .replace("{service}", serviceName(component))
        .replace("{Service}", Component.capitalize(serviceName(component)))
        .replace("{slug}", component.slug());
  }

  // "user service" stays as it is; "auth" becomes "auth service".
  private static String serviceName(Component component) {
    boolean named = component.name().matches("(?i).*\\b(service|gateway|server|worker|api)$");
    return named ? component.name() : component.name() + " service";
  }
}
