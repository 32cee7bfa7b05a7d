package dev.orchestrator.llm;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.ConfigurationException;
import java.net.URI;
import java.time.Duration;

/**
 * Which model to call and how.
 *
 * @param baseUrl the API root including its version path ({@code https://api.anthropic.com/v1});
 *     see {@link #apiRoot}
 * @param apiKey null for local OpenAI-compatible servers that take none
 * @param requestTimeout time limit of one HTTP request, connection included
 * @param maxOutputTokens the most tokens one reply may have
 */
public record ProviderSettings(
    Provider provider,
    String model,
    String baseUrl,
    ApiKey apiKey,
    Duration requestTimeout,
    int maxOutputTokens) {

  public ProviderSettings {
    requireNonNull(provider, "provider");
    requireNonNull(model, "model");
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(requestTimeout, "requestTimeout");
    if (model.isBlank()) {
      throw new ConfigurationException(
          "--model is empty; name a model, e.g. " + provider.defaultModel());
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new ConfigurationException("--request-timeout must be positive, was " + requestTimeout);
    }
    if (maxOutputTokens < 1) {
      throw new ConfigurationException(
          "--max-output-tokens must be at least 1, was " + maxOutputTokens);
    }
    if (apiKey == null && provider.needsKey(baseUrl)) {
      throw new ConfigurationException(
          provider.label()
              + " needs a key: set "
              + provider.keyVariable()
              + ", or put "
              + provider.id()
              + "-api-key in the config file");
    }
  }

  /**
   * The API root for a URL a user gave: one with no path gets the {@code /v1} every provider serves
   * under ({@code http://127.0.0.1:8080} → {@code http://127.0.0.1:8080/v1}, the habit of {@code
   * ANTHROPIC_BASE_URL}); one with a path is used as given ({@code http://localhost:11434/v1},
   * {@code https://openrouter.ai/api/v1}). Null gives the provider's default.
   *
   * @throws ConfigurationException if the URL is not an http or https URL
   */
  public static String apiRoot(Provider provider, String url) {
    if (url == null || url.isBlank()) {
      return provider.defaultBaseUrl();
    }
    String trimmed = url.strip();
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "--base-url \"" + trimmed + "\" is not a URL; use e.g. http://localhost:11434/v1");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new ConfigurationException(
          "--base-url \""
              + trimmed
              + "\" is not an http(s) URL; use e.g. http://localhost:11434/v1");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String root = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    return path.isEmpty() || path.equals("/") ? root + "/v1" : root;
  }

  /** Where requests go, for messages: "the Anthropic API at http://127.0.0.1:4000/v1". */
  public String describe() {
    return baseUrl.equals(provider.defaultBaseUrl())
        ? provider.label()
        : provider.label() + " at " + baseUrl;
  }
}
