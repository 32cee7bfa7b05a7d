package dev.orchestrator.output.report;

/**
 * The one escaping rule of the report. Every piece of text that reaches the page, in an element or
 * in an attribute value, goes through {@link #escape}: requirements, task names and errors come
 * from a person or a model and may contain markup.
 */
final class Html {

  private Html() {}

  /**
   * The text with {@code & < > " '} replaced by character references, safe both as element content
   * and as a quoted attribute value. Control characters that HTML forbids become U+FFFD. Null is
   * the empty string.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(forbidden(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /**
   * At most {@code max} characters of the text, ending in an ellipsis when cut; never splits a
   * surrogate pair. Shortens before escaping, so no character reference is cut in half.
   */
  static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
  }

  private static boolean forbidden(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  }
}
