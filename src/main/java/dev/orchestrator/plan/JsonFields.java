package dev.orchestrator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the fields of one JSON object of a plan file, collecting problems instead of
 * throwing, so that one message lists them all.
 *
 * @param owner names the object in messages: "the plan", "task_3", "complexity"
 * @param problems where problems go; shared by the readers of one file
 */
record JsonFields(String owner, JsonNode node, List<String> problems) {

  /** The names of the object's fields that are not known. */
  List<String> unknown(Set<String> known) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            n -> {
              if (!known.contains(n)) {
                unknown.add(n);
              }
            });
    return unknown;
  }

  void rejectUnknown(Set<String> known) {
    for (String name : unknown(known)) {
      problems.add(
          owner
              + " has an unknown field \""
              + name
              + "\"; the known fields are "
              + known.stream().sorted().toList());
    }
  }

  JsonNode node(String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(owner + " is missing the field \"" + field + "\"");
      }
      return null;
    }
    return value;
  }

  Optional<String> text(String field, boolean required) {
    JsonNode value = node(field, required);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.add(owner + " has " + field + " = " + value + "; it must be a string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /**
   * A whole number field.
   *
   * @param range the values the field takes, as a message says them ("1 to 256"), for a number too
   *     large to be read at all
   */
  Optional<Integer> integer(String field, boolean required, String range) {
    JsonNode value = node(field, required);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && !value.canConvertToInt()) {
      problems.add(owner + " has " + field + " = " + value + "; use " + range);
      return Optional.empty();
    }
    if (!value.isIntegralNumber()) {
      problems.add(owner + " has " + field + " = " + value + "; it must be a whole number");
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  Optional<Double> number(String field, boolean required) {
    JsonNode value = node(field, required);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      problems.add(owner + " has " + field + " = " + value + "; it must be a number");
      return Optional.empty();
    }
    return Optional.of(value.doubleValue());
  }

  Optional<Duration> duration(String field, boolean required) {
    Optional<String> text = text(field, required);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> parsed = EstimatedDuration.parse(text.get());
    if (parsed.isEmpty()) {
      problems.add(
          owner
              + " has "
              + field
              + " \""
              + text.get()
              + "\"; use a duration such as \"30min\", \"1hr\" or \"2hrs\"");
    }
    return parsed;
  }

  List<String> strings(String field, boolean required) {
    JsonNode value = node(field, required);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      problems.add(owner + " has " + field + " = " + value + "; it must be a list of strings");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : value) {
      if (item.isTextual()) {
        values.add(item.asText());
      } else {
        problems.add(owner + " has " + item + " in " + field + "; it must hold strings only");
      }
    }
    return values;
  }
}
