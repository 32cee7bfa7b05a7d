package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a requirement into draft tasks: its domain's layout, one set per component, capabilities.
 */
final class TaskDrafter {

  /** The drafts the requirement calls for, lower layers first, in layout order within a layer. */
  List<TaskDraft> draft(Requirement requirement) {
    String subject = requirement.subject();
    List<Component> components = requirement.components();
    List<TaskDraft> drafts = new ArrayList<>();
    for (TaskTemplate template : DomainTemplates.layout(requirement.domain())) {
      switch (template.presence()) {
        case EACH_COMPONENT:
          components.forEach(c -> drafts.add(template.draft(subject, c)));
          break;
        case WITH_COMPONENTS:
          if (!components.isEmpty()) {
            drafts.add(template.draft(subject, null));
          }
          break;
        case WITHOUT_COMPONENTS:
          if (components.isEmpty()) {
            drafts.add(template.draft(subject, null));
          }
          break;
        default:
          drafts.add(template.draft(subject, null));
      }
    }
    for (Capability.Mention mention : requirement.mentions()) {
      CommonTemplates.forCapability(mention.capability())
          .map(template -> template.draft(subject, null))
          .filter(draft -> !draft.coveredBy(drafts))
          .ifPresent(drafts::add);
    }
    drafts.sort(Comparator.comparing(TaskDraft::layer));
    return drafts;
  }

  /** Standard tasks that may be added to reach the band's minimum, in the order to add them. */
  List<TaskDraft> extras(Requirement requirement) {
    return Stream.concat(
            DomainTemplates.extras(requirement.domain()).stream(),
            CommonTemplates.extras().stream())
        .map(template -> template.draft(requirement.subject(), null))
        .toList();
  }
}
