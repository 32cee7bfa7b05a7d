package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a requirement into draft tasks: its domain's layout (the contract, one set per component,
 * the shared parts, verification), the tasks its capabilities bring, in the stack it names.
 */
final class TaskDrafter {

  private final TemplateCatalogue catalogue;

  TaskDrafter(TemplateCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The drafts the requirement calls for, phase by phase, in layout order within a phase. */
  List<TaskDraft> draft(Requirement requirement) {
    String subject = requirement.subject();
    Stack stack = requirement.stack();
    List<Component> components = requirement.components();
    List<TaskDraft> drafts = new ArrayList<>();
    for (TaskTemplate template : catalogue.layout(requirement.domain())) {
      switch (template.presence()) {
        case EACH_COMPONENT:
          components.forEach(c -> drafts.add(template.draft(subject, c, stack)));
          break;
        case WITH_COMPONENTS:
          if (!components.isEmpty()) {
            drafts.add(template.draft(subject, null, stack));
          }
          break;
        case WITHOUT_COMPONENTS:
          if (components.isEmpty()) {
            drafts.add(template.draft(subject, null, stack));
          }
          break;
        default:
          drafts.add(template.draft(subject, null, stack));
      }
    }
    for (Capability.Mention mention : requirement.mentions()) {
      catalogue
          .forCapability(mention.capability())
          .map(template -> template.draft(subject, null, stack))
          .filter(draft -> !draft.coveredBy(drafts))
          .ifPresent(drafts::add);
    }
    drafts.sort(Comparator.comparing(TaskDraft::layer));
    return drafts;
  }

  /** Standard tasks that may be added to reach the band's minimum, in the order to add them. */
  List<TaskDraft> extras(Requirement requirement) {
    return Stream.concat(
            catalogue.extras(requirement.domain()).stream(), catalogue.extras().stream())
        .map(template -> template.draft(requirement.subject(), null, requirement.stack()))
        .toList();
  }
}
