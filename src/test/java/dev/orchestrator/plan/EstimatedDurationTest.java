package dev.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EstimatedDurationTest {

  @Nested
  @DisplayName("parse")
  class Parse {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            30min        | PT30M
            1hr          | PT1H
            2hrs         | PT2H
            1.5 hours    | PT1H30M
            1hr 30min    | PT1H30M
            1hr30min     | PT1H30M
            1h30m        | PT1H30M
            300ms        | PT0.3S
            20 millis    | PT0.02S
            45s          | PT45S
            10 sec       | PT10S
            2 seconds    | PT2S
            10 minutes   | PT10M
            1 minute     | PT1M
            2 days       | PT48H
            1d           | PT24H
            ' 1HR '      | PT1H
            0min         | PT0S
            1min 30s     | PT1M30S
            """)
    void reads_human_durations(String text, Duration expected) {
      assertThat(EstimatedDuration.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(
        strings = {
          "",
          "   ",
          "soon",
          "30",
          "min",
          "-5min",
          "1hr and 30min",
          "30min!",
          "1.5.2hrs",
          "1 week",
          "1h30"
        })
    void rejects_anything_else(String text) {
      assertThat(EstimatedDuration.parse(text)).isEmpty();
    }
  }

  @Nested
  @DisplayName("format")
  class Format {

    @ParameterizedTest(name = "{0} is written \"{1}\"")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            PT0S       | 0min
            PT30M      | 30min
            PT1H       | 1hr
            PT2H       | 2hrs
            PT1H30M    | 1hr30min
            PT25H      | 25hrs
            PT45S      | 45s
            PT1M30S    | 1min30s
            PT0.3S     | 300ms
            PT1H0.5S   | 1hr500ms
            """)
    void writes_the_plan_file_spelling(Duration duration, String expected) {
      assertThat(EstimatedDuration.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(
        longs = {
          0,
          1,
          300,
          1_000,
          45_000,
          90_000,
          1_800_000,
          3_600_000,
          5_400_000,
          5_400_250,
          86_400_000,
          90_061_001
        })
    @DisplayName("reads back as the same duration")
    void round_trips(long millis) {
      Duration duration = Duration.ofMillis(millis);

      assertThat(EstimatedDuration.parse(EstimatedDuration.format(duration))).contains(duration);
    }
  }
}
