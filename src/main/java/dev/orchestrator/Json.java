package dev.orchestrator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one configured Jackson mapper of the application, for every JSON it reads and writes (plan,
 * summary, journal, model and Claude Code replies, test reports). Thread-safe.
 */
public final class Json {

  // Limits against hostile input: one string of 50 MB or nesting 100,000 deep is refused early
  // with a message, not read into memory or the stack.
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(16 << 20)
                          .maxNestingDepth(200)
                          .build())
                  .build())
          .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The mapper (indented output). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
