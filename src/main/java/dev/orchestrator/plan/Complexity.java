package dev.orchestrator.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How complex a requirement is judged to be.
 *
 * @param score 0 (trivial) to 100 (very complex)
 */
public record Complexity(
    int score,
    String reasoning,
    List<String> keyFeaturesDetected,
    List<String> technicalComponents) {

  public Complexity {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("complexity score must be 0..100, was " + score);
    }
    requireNonNull(reasoning, "reasoning");
    keyFeaturesDetected = List.copyOf(keyFeaturesDetected);
    technicalComponents = List.copyOf(technicalComponents);
  }

  /** The budget band of the score, as the original tool's table names it. */
  public String band() {
    if (score < 25) {
      return "simple";
    }
    if (score < 50) {
      return "moderate";
    }
    return score < 75 ? "complex" : "very complex";
  }
}
