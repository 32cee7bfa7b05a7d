package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.plan.Effort;
import java.util.List;

/**
 * A task of a domain's layout before it knows the requirement, as the catalogue ({@code
 * templates.json}) describes it. Texts may hold placeholders: {@code {subject}} and {@code
 * {Subject}} (what is built, "todo list app"), {@code {component}} and {@code {Component}}, {@code
 * {service}} and {@code {Service}} (the component as a service name, "auth service") and {@code
 * {slug}} (the component in paths).
 *
 * @param key the template's name in the catalogue; drafts of one template are the same kind of work
 * @param presence when the layout uses the template, given the components the requirement names
 * @param side which part of a named stack the task's code is in, for the file claims
 * @param standalone a part that needs only the repository layout the plan fixes, not the contract
 *     (build and deployment configuration): it starts beside the contract
 * @param files paths or globs the task owns, 1 or more
 * @param criteria acceptance criteria, 2 to 4
 */
record TaskTemplate(
    String key,
    Layer layer,
    Presence presence,
    Stack.Side side,
    boolean standalone,
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
    requireNonNull(key, "key");
    requireNonNull(layer, "layer");
    requireNonNull(presence, "presence");
    requireNonNull(side, "side");
    requireNonNull(name, "name");
    requireNonNull(effort, "effort");
    requireNonNull(description, "description");
    files = List.copyOf(files);
    criteria = List.copyOf(criteria);
    if (files.isEmpty()) {
      throw new IllegalArgumentException(key + ": a template must own at least one path");
    }
    if (criteria.size() < 2 || criteria.size() > 4) {
      throw new IllegalArgumentException(key + ": a template needs 2 to 4 acceptance criteria");
    }
    if (priority < 1 || priority > 5) {
      throw new IllegalArgumentException(key + ": priority must be 1 to 5, was " + priority);
    }
  }

  /**
   * The draft task for a requirement.
   *
   * @param component the component the task is for; null unless the presence is {@link
   *     Presence#EACH_COMPONENT}
   * @param stack the languages the requirement names; its side of the stack shapes the file claims
   */
  TaskDraft draft(String subject, Component component, Stack stack) {
    if ((component == null) == (presence == Presence.EACH_COMPONENT)) {
      throw new IllegalArgumentException(
          key + ": a component is needed exactly for EACH_COMPONENT");
    }
    String text = fill(description, subject, component) + stack.advice(side);
    return new TaskDraft(
        List.of(fill(name, subject, component)),
        text,
        layer,
        priority,
        component == null ? List.of() : List.of(component.slug()),
        component == null,
        List.of(key),
        standalone,
        TaskDraft.typicalDuration(effort),
        files.stream().map(f -> stack.claim(side, fill(f, subject, component))).toList(),
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
