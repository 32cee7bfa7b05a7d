package dev.orchestrator.planner;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON object in a model's reply: the body of a {@code ```json} (or bare {@code ```}) fence
 * when there is one, else the text from the first <code>{</code> to the last <code>}</code>, so
 * that a sentence before or after the object does not spoil it.
 */
final class ReplyJson {

  private static final Pattern FENCE =
      Pattern.compile("```(?:json|JSON)?[ \\t]*\\r?\\n(.*?)\\r?\\n?```", Pattern.DOTALL);

  private ReplyJson() {}

  /** The JSON text, or empty when the reply holds no object at all. */
  static Optional<String> extract(String reply) {
    Matcher fence = FENCE.matcher(reply);
    if (fence.find() && fence.group(1).strip().startsWith("{")) {
      return Optional.of(fence.group(1).strip());
    }
    int start = reply.indexOf('{');
    int end = reply.lastIndexOf('}');
    if (start < 0) {
      return Optional.empty();
    }
    // An object without its closing brace (a reply cut short) is still returned, so that the
    // parser names where it ends.
    return Optional.of(end > start ? reply.substring(start, end + 1) : reply.substring(start));
  }
}
