package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the heuristic planner understood of a requirement.
 *
 * @param text the requirement as given, trimmed
 * @param subject what is built, in the requirement's words ("todo list app")
 * @param components the parts of the product it names, in its order
 * @param mentions the capabilities it mentions, in its order
 * @param stack the languages and frameworks it names
 */
record Requirement(
    String text,
    Domain domain,
    String subject,
    List<Component> components,
    List<Capability.Mention> mentions,
    Stack stack) {

  Requirement {
    requireNonNull(text, "text");
    requireNonNull(domain, "domain");
    requireNonNull(subject, "subject");
    components = List.copyOf(components);
    mentions = List.copyOf(mentions);
    requireNonNull(stack, "stack");
  }

  /** The mentions of one kind of capability. */
  List<Capability.Mention> mentionsOf(Capability.Kind kind) {
    return mentions.stream().filter(m -> m.capability().kind() == kind).toList();
  }

  /** Whether the requirement mentions the capability. */
  boolean mentions(Capability capability) {
    return mentions.stream().anyMatch(m -> m.capability() == capability);
  }
}
