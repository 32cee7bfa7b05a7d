package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureFamilyTest {

  @Test
  void knows_a_feature_by_the_words_of_its_slug() {
    assertThat(FeatureFamily.of("user-profiles")).containsExactly(FeatureFamily.ACCOUNTS);
    assertThat(FeatureFamily.of("comments")).containsExactly(FeatureFamily.CONTENT);
    assertThat(FeatureFamily.of("quantum-flux")).isEmpty();
  }

  @Test
  void relates_posts_to_comments_and_not_to_login() {
    assertThat(FeatureFamily.related(List.of("posts"), List.of("comments", "likes"))).isTrue();
    assertThat(FeatureFamily.related(List.of("posts"), List.of("login"))).isFalse();
  }

  @Test
  void relates_nothing_to_features_it_does_not_know() {
    assertThat(FeatureFamily.related(List.of("quantum-flux"), List.of("quantum-flux"))).isFalse();
  }
}
