package dev.orchestrator.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a kind by its {@link #label}, ignoring case; the error lists the labels, where picocli's
 * own would list the constants' names too.
 */
abstract class KindConverter<E extends Enum<E>> implements ITypeConverter<E> {

  private final Class<E> kinds;

  KindConverter(Class<E> kinds) {
    this.kinds = kinds;
  }

  /**
   * {@code CLAUDE_CODE} is {@code claude-code}: the name on the command line, in help and in
   * completion.
   */
  static String label(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public E convert(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    List<String> labels = new ArrayList<>();
    for (E kind : kinds.getEnumConstants()) {
      if (label(kind).equals(wanted)) {
        return kind;
      }
      labels.add(label(kind));
    }
    throw new TypeConversionException(
        "\""
            + value
            + "\" is not known; use "
            + String.join(", ", labels.subList(0, labels.size() - 1))
            + " or "
            + labels.get(labels.size() - 1));
  }
}
