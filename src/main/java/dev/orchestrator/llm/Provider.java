package dev.orchestrator.llm;

import java.util.Locale;
import java.util.Optional;

/**
 * The model APIs the orchestrator speaks. {@link #OPENAI} is any server of the OpenAI Chat
 * Completions API: OpenAI itself, Ollama, vLLM, the llama.cpp server, LM Studio.
 */
public enum Provider {
  ANTHROPIC(
      "anthropic",
      "the Anthropic API",
      "https://api.anthropic.com/v1",
      "claude-sonnet-4-5",
      "ANTHROPIC_API_KEY",
      true),
  OPENAI(
      "openai",
      "the OpenAI-compatible API",
      "https://api.openai.com/v1",
      "gpt-4.1-mini",
      "OPENAI_API_KEY",
      false);

  private final String id;
  private final String label;
  private final String defaultBaseUrl;
  private final String defaultModel;
  private final String keyVariable;
  private final boolean keyAlwaysRequired;

  Provider(
      String id,
      String label,
      String defaultBaseUrl,
      String defaultModel,
      String keyVariable,
      boolean keyAlwaysRequired) {
    this.id = id;
    this.label = label;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultModel = defaultModel;
    this.keyVariable = keyVariable;
    this.keyAlwaysRequired = keyAlwaysRequired;
  }

  /** The name on the command line and in settings: {@code anthropic}, {@code openai}. */
  public String id() {
    return id;
  }

  /** How messages name the API: "the Anthropic API". */
  public String label() {
    return label;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The environment variable that holds the key by the ecosystem's habit. */
  public String keyVariable() {
    return keyVariable;
  }

  /**
   * Whether a key is needed at this base URL: always for Anthropic; for the OpenAI-compatible API
   * only at OpenAI itself, since local servers (Ollama, llama.cpp) accept requests without one.
   */
  public boolean needsKey(String baseUrl) {
    return keyAlwaysRequired || baseUrl.equals(defaultBaseUrl);
  }

  /** The provider of a name, ignoring case; empty when there is none. */
  public static Optional<Provider> byId(String id) {
    for (Provider provider : values()) {
      if (provider.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
