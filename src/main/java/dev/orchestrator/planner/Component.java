package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A part of the product the requirement names, such as "product catalog".
 *
 * @param name as the requirement words it, for task names and descriptions
 * @param slug lower-case letters, digits and dashes, for file paths ({@code product-catalog})
 * @param position where the requirement first names it, to keep components in the user's order
 */
record Component(String name, String slug, int position) {

  Component {
    requireNonNull(name, "name");
    requireNonNull(slug, "slug");
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("slug must be lower-case words joined by dashes: " + slug);
    }
  }

  /** The component with a slug made from its name; a name without letters or digits is "part". */
  static Component named(String name, int position) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return new Component(name, slug.isEmpty() ? "part" : slug, position);
  }

  /** The name with its first letter in upper case, to start a task name. */
  String title() {
    return capitalize(name);
  }

  static String capitalize(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
