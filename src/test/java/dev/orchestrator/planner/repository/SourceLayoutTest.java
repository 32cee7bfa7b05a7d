package dev.orchestrator.planner.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.planner.repository.SourceLayout.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceLayoutTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MAVEN  | src/main/java/com/acme | src/test/java/com/acme | src/main/java/com/acme/ratelimit/**"
            + "                       | src/test/java/com/acme/ratelimit/**",
        "PYTHON | src/acme               | tests                  | src/acme/rate_limit.py src/acme/rate_limit/**"
            + "           | tests/test_rate_limit.py tests/rate_limit/**",
        "NODE   | src                    | test                   | src/rate-limit/**"
            + "                                   | test/rate-limit.test.* test/rate-limit/**",
        "RUST   | src                    | tests                  | src/rate_limit.rs src/rate_limit/**"
            + "                 | tests/rate_limit.rs",
        "GO     | internal               | internal               | internal/ratelimit/**"
            + "                               | internal/ratelimit/*_test.go",
        "UNKNOWN| ''                     | tests                  | rate-limit/**"
            + "                                       | tests/rate-limit/**"
      })
  void a_parts_new_code_and_tests_go_where_the_layout_puts_them(
      Kind kind, String sourceRoot, String testRoot, String code, String tests) {
    SourceLayout layout = new SourceLayout(kind, List.of(), sourceRoot, testRoot, null, "-");

    assertThat(layout.codeClaims(List.of("rate", "limit"))).containsExactly(code.split(" "));
    assertThat(layout.testClaims(List.of("rate", "limit"))).containsExactly(tests.split(" "));
  }
}
