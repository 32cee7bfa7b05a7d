package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathWordsTest {

  @ParameterizedTest
  @CsvSource({
    "limiting, limit",
    "limiter, limit",
    "limits, limit",
    "users, user",
    "user, user",
    "payments, payment",
    "api, api"
  })
  void a_word_and_its_forms_share_a_stem(String word, String stem) {
    assertThat(PathWords.stem(word)).isEqualTo(stem);
  }

  @Test
  void file_names_split_at_case_changes_digits_underscores_and_dashes() {
    assertThat(PathWords.nameStems("src/main/java/com/acme/HTTPRateLimiter2.java"))
        .containsExactly("http", "rat", "limit");
    assertThat(PathWords.nameStems("src/acme/user_store.py")).containsExactly("user", "stor");
    assertThat(PathWords.nameStems("web/order-history.test.ts"))
        .containsExactly(PathWords.stem("orders"), PathWords.stem("history"), "test");
  }

  @Test
  void the_key_words_of_a_requirement_leave_out_stop_words_and_language_names() {
    assertThat(PathWords.keyWords("Add rate limiting to the Java API, and test it"))
        .containsExactly("rate", "limiting", "api");
  }
}
