package dev.orchestrator.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text from a plan, a model or an agent made safe to put into Markdown: it reads as the same text
 * and never as markup. Without this a requirement could add raw HTML, {@code javascript:} links,
 * remote images or headings to the README, and an unclosed code fence would swallow the rest.
 */
public final class MarkdownText {

  // Backslash escapes (CommonMark: any ASCII punctuation may be escaped) for what starts markup
  // anywhere in a line; < and & become entities, so no tag, comment or entity survives.
  private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]#|~<>&]");
  // What starts a block only at the start of a line: a list item, a setext underline.
  private static final Pattern BLOCK_START = Pattern.compile("^([-+=]|\\d{1,9}[.)])");
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private MarkdownText() {}

  /** Text for a heading, a list item or the rest of a line: one line, every markup escaped. */
  public static String line(String text) {
    return lines(text == null ? "" : text.replaceAll("\\R", " "));
  }

  /**
   * Text of one or more lines for a paragraph (also after a {@code "> "} prefix): line breaks stay,
   * leading blanks go (an indented line would be a code block), and every markup is escaped.
   */
  public static String lines(String text) {
    if (text == null) {
      return "";
    }
    return text.lines()
        .map(String::strip)
        .map(MarkdownText::escapeLine)
        .collect(Collectors.joining("\n"));
  }

  /** An inline code span holding the text literally, on one line. */
  public static String code(String text) {
    String value = oneLine(text);
    String fence = "`".repeat(longestRun(value) + 1);
    // A span that starts or ends with a backtick needs a blank inside its fence.
    String pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
    return fence + pad + value + pad + fence;
  }

  /**
   * A fenced code block holding the text literally: its fence is longer than any run of backticks
   * in the text, so nothing inside can close it, and it is always closed.
   */
  public static String block(String info, String text) {
    String fence = "`".repeat(Math.max(3, longestRun(text) + 1));
    String body = text.endsWith("\n") || text.isEmpty() ? text : text + "\n";
    return fence + info + "\n" + body + fence + "\n";
  }

  private static String escapeLine(String line) {
    Matcher special = SPECIAL.matcher(line);
    StringBuilder out = new StringBuilder();
    while (special.find()) {
      String c = special.group();
      special.appendReplacement(
          out,
          Matcher.quoteReplacement(
              switch (c) {
                case "<" -> "&lt;";
                case ">" -> "&gt;";
                case "&" -> "&amp;";
                default -> "\\" + c;
              }));
    }
    special.appendTail(out);
    Matcher start = BLOCK_START.matcher(out);
    if (start.find()) {
      // 1. -> 1\.  and  - -> \-
      int at = start.end() - 1;
      out.insert(at, '\\');
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\R", "\u2424");
  }

  private static int longestRun(String text) {
    int longest = 0;
    Matcher run = BACKTICKS.matcher(text);
    while (run.find()) {
      longest = Math.max(longest, run.group().length());
    }
    return longest;
  }
}
