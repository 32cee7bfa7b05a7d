package dev.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderSettingsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://127.0.0.1:4000, http://127.0.0.1:4000/v1",
    "http://127.0.0.1:4000/, http://127.0.0.1:4000/v1",
    "http://localhost:11434/v1, http://localhost:11434/v1",
    "https://openrouter.ai/api/v1/, https://openrouter.ai/api/v1",
    "https://example.com/v1beta/openai, https://example.com/v1beta/openai"
  })
  void adds_v1_only_to_a_url_without_a_path(String given, String root) {
    assertThat(ProviderSettings.apiRoot(Provider.OPENAI, given)).isEqualTo(root);
  }

  @Test
  void uses_the_providers_url_when_none_is_given() {
    assertThat(ProviderSettings.apiRoot(Provider.ANTHROPIC, null))
        .isEqualTo("https://api.anthropic.com/v1");
  }

  @Test
  void rejects_what_is_not_an_http_url() {
    assertThatThrownBy(() -> ProviderSettings.apiRoot(Provider.OPENAI, "localhost:11434"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--base-url");
  }

  @Test
  void needs_a_key_for_anthropic_and_openai_but_not_for_a_local_server() {
    assertThatThrownBy(
            () ->
                new ProviderSettings(
                    Provider.ANTHROPIC,
                    "m",
                    "http://127.0.0.1:1/v1",
                    null,
                    Duration.ofSeconds(1),
                    10))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("set ANTHROPIC_API_KEY");
    assertThatThrownBy(
            () ->
                new ProviderSettings(
                    Provider.OPENAI,
                    "m",
                    Provider.OPENAI.defaultBaseUrl(),
                    null,
                    Duration.ofSeconds(1),
                    10))
        .hasMessageContaining("set OPENAI_API_KEY");
    assertThat(
            new ProviderSettings(
                    Provider.OPENAI,
                    "llama3.1",
                    "http://localhost:11434/v1",
                    null,
                    Duration.ofSeconds(1),
                    10)
                .apiKey())
        .isNull();
  }

  @Test
  void never_shows_the_key_in_its_text() {
    ApiKey key = new ApiKey("sk-secret-value", "ANTHROPIC_API_KEY");
    ProviderSettings settings =
        new ProviderSettings(
            Provider.ANTHROPIC, "m", "http://127.0.0.1:1/v1", key, Duration.ofSeconds(1), 10);

    assertThat(settings.toString()).doesNotContain("sk-secret-value").contains("ANTHROPIC_API_KEY");
    assertThat(key.scrub("Incorrect API key provided: sk-secret-value."))
        .isEqualTo("Incorrect API key provided: ****.");
  }
}
