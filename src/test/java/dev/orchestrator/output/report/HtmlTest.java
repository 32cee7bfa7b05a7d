package dev.orchestrator.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "<script>alert(1)</script> | &lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b                     | a &amp; b",
        "`\" onmouseover=\"x`      | &quot; onmouseover=&quot;x",
        "it's                      | it&#39;s",
        "&lt;                      | &amp;lt;",
        "plain text, ü ✓           | plain text, ü ✓"
      })
  void escapes_markup_for_element_content_and_quoted_attributes(String text, String escaped) {
    assertThat(Html.escape(text)).isEqualTo(escaped);
  }

  @Test
  void replaces_control_characters_html_forbids_and_keeps_line_breaks() {
    assertThat(Html.escape("a\u0000b\u0007c\td\ne\u007f")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\uFFFD");
  }

  @Test
  void reads_null_as_empty() {
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void shortens_with_an_ellipsis_without_splitting_a_surrogate_pair() {
    assertThat(Html.shorten("short", 10)).isEqualTo("short");
    assertThat(Html.shorten("Implement the REST API", 10)).isEqualTo("Implement…");
    assertThat(Html.shorten("ab😀😀😀😀", 4)).isEqualTo("ab😀…");
  }

  @Test
  void shortening_before_escaping_never_cuts_a_character_reference() {
    assertThat(Html.escape(Html.shorten("a<<<<<<<<<<", 4))).isEqualTo("a&lt;&lt;…");
  }
}
