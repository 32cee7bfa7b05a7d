package dev.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilePatternsTest {

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          src/api/**        | src/api/routes.py    | true
          src/api/**        | src/ui/**            | false
          src/*.py          | src/*.js             | false
          src/*.py          | src/main.py          | true
          **/*.md           | docs/a.md            | true
          **/*.md           | README.md            | true
          src/              | src/x/y.js           | true
          a/*/c             | a/b/*                | true
          README.md         | README.md            | true
          README.md         | readme.md            | false
          src/a.py          | src/b.py             | false
          ./src/a.py        | src/a.py             | true
          /src/a.py         | src/a.py             | true
          src\\api\\x.py    | src/api/x.py         | true
          src//api/x.py     | src/api/x.py         | true
          **                | any/depth/file.txt   | true
          *                 | src/a.py             | false
          src/*.py          | src/api/x.py         | false
          src/**/*.py       | src/a/b/c.py         | true
          src/**/*.py       | src/main.py          | true
          src/**/test_*.py  | src/**/*_api.py      | true
          src/?.py          | src/a.py             | true
          src/?.py          | src/ab.py            | false
          docs/*.md         | docs/guide.*         | true
          docs/*.md         | src/*.md             | false
          a*b               | *c                   | false
          a*                | *b                   | true
          src/[ab].py       | src/c.py             | true
          src/{a,b}.py      | src/c.py             | true
          src/{a/b,c}.py    | src/a/b.py           | true
          tests/api/**      | tests/ui/**          | false
          """)
  @DisplayName("two patterns overlap when some path matches both, in either order")
  void overlap(String a, String b, boolean expected) {
    assertThat(FilePatterns.overlap(a, b)).isEqualTo(expected);
    assertThat(FilePatterns.overlap(b, a)).isEqualTo(expected);
  }

  @Test
  @DisplayName("two claims overlap when any pattern of one overlaps any pattern of the other")
  void claims_overlap() {
    List<String> api = List.of("src/api/**", "tests/api/**");

    assertThat(FilePatterns.overlap(api, List.of("src/ui/**", "tests/api/test_x.py"))).isTrue();
    assertThat(FilePatterns.overlap(api, List.of("src/ui/**", "tests/ui/**"))).isFalse();
    assertThat(FilePatterns.overlap(api, List.of())).isFalse();
  }
}
