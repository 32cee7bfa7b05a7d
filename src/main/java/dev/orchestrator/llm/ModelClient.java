package dev.orchestrator.llm;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.orchestrator.Sleeper;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chat requests to one provider's model, the one way the planner and the agents reach a
 * model. Around LangChain4j's model client (whose own retries are off) it owns the policy: a shared
 * {@link RequestLimiter} bounds requests in flight, transient failures are retried by {@link
 * RequestRetry} honouring {@code retry-after}, permanent ones become a {@link ProviderRejection}
 * with a message that says what to check, and every answered request's tokens and cost go to the
 * {@link CostMeter}.
 *
 * <p>For Anthropic the system messages are sent with {@code cache_control}, so callers put what
 * many requests share (the requirement and the plan) in the system message; a caller can mark a
 * conversation message too (see {@link PromptCache}). Thread-safe: one client serves every executor
 * of a run.
 */
public final class ModelClient {

  private static final Logger log = LoggerFactory.getLogger(ModelClient.class);

  private final ProviderSettings settings;
  private final ChatModel model;
  private final RequestRetry retry;
  private final RequestLimiter limiter;
  private final Sleeper sleeper;
  private final ModelPrice price;
  private final CostMeter meter;
  private final DoubleSupplier random;

  private ModelClient(Builder builder) {
    this.settings = builder.settings;
    this.model = builder.model != null ? builder.model : chatModel(builder.settings);
    this.retry = builder.retry;
    this.limiter = builder.limiter;
    this.sleeper = builder.sleeper;
    this.price = builder.price;
    this.meter = builder.meter;
    this.random = builder.random;
  }

  /** A client for the settings' provider and model; every other setting has a default. */
  public static Builder builder(ProviderSettings settings) {
    return new Builder(settings);
  }

  public ProviderSettings settings() {
    return settings;
  }

  /**
   * Sends one request and waits for the answer, retrying transient failures.
   *
   * @throws ProviderRejection if the provider refused the request in a way retrying cannot fix
   * @throws ProviderUnavailable if transient failures outlasted the retries
   * @throws InterruptedException if the thread was interrupted while waiting; the request is
   *     abandoned
   */
  public ModelReply chat(ChatRequest request) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      ChatResponse response = null;
      RuntimeException thrown = null;
      limiter.acquire();
      try {
        response = model.chat(request);
      } catch (RuntimeException e) {
        thrown = e;
      } finally {
        limiter.release();
      }
      if (response != null) {
        return reply(response);
      }
      if (Thread.interrupted() || causedByInterrupt(thrown)) {
        throw new InterruptedException("the model request was cancelled");
      }
      RequestFailure failure = RequestFailure.of(thrown, settings);
      if (!failure.transientFailure() || !retry.allowsAnotherAfter(attempt)) {
        throw failure.toException(attempt, thrown, settings.apiKey());
      }
      Duration wait = retry.delayBefore(attempt, failure.retryAfter(), random.getAsDouble());
      log.warn(
          "{} (attempt {} of {}); retrying in {} ms",
          scrub(failure.message()),
          attempt,
          retry.maxRetries() + 1,
          wait.toMillis());
      sleeper.sleep(wait);
    }
  }

  private ModelReply reply(ChatResponse response) {
    Tokens tokens = tokens(response.tokenUsage());
    BigDecimal cost = price == null ? null : price.cost(tokens);
    meter.record(tokens, cost);
    log.info(
        "{} {}: {} input, {} cache read, {} cache write, {} output tokens{}",
        settings.provider().id(),
        settings.model(),
        tokens.input(),
        tokens.cacheRead(),
        tokens.cacheWrite(),
        tokens.output(),
        cost == null ? "" : ", $" + cost.toPlainString());
    return new ModelReply(
        response.aiMessage(), response.finishReason() == FinishReason.LENGTH, tokens, cost);
  }

  /**
   * Our token kinds from LangChain4j's: Anthropic counts cache reads and writes apart from its
   * input tokens; OpenAI counts cached tokens within its prompt tokens.
   */
  static Tokens tokens(TokenUsage usage) {
    if (usage == null) {
      return Tokens.NONE;
    }
    long input = orZero(usage.inputTokenCount());
    long output = orZero(usage.outputTokenCount());
    if (usage instanceof AnthropicTokenUsage anthropic) {
      return new Tokens(
          input,
          output,
          orZero(anthropic.cacheReadInputTokens()),
          orZero(anthropic.cacheCreationInputTokens()));
    }
    if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
      long cached = Math.min(input, orZero(openAi.inputTokensDetails().cachedTokens()));
      return new Tokens(input - cached, output, cached, 0);
    }
    return new Tokens(input, output, 0, 0);
  }

  private String scrub(String text) {
    return settings.apiKey() == null ? text : settings.apiKey().scrub(text);
  }

  private static long orZero(Integer count) {
    return count == null ? 0 : Math.max(0, count);
  }

  private static boolean causedByInterrupt(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException || t instanceof ProviderHttpClient.CancelledRequest) {
        return true;
      }
    }
    return false;
  }

  // LangChain4j's retries are off (maxRetries 0): ours, above, are the only ones. Requests and
  // responses are not logged: the request headers carry the key.
  private static ChatModel chatModel(ProviderSettings settings) {
    String key = settings.apiKey() == null ? null : settings.apiKey().reveal();
    switch (settings.provider()) {
      case ANTHROPIC:
        return AnthropicChatModel.builder()
            .httpClientBuilder(new ProviderHttpClient.Builder())
            .baseUrl(settings.baseUrl())
            .apiKey(key)
            .modelName(settings.model())
            .maxTokens(settings.maxOutputTokens())
            .cacheSystemMessages(true)
            .timeout(settings.requestTimeout())
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
      case OPENAI:
        OpenAiChatModel.OpenAiChatModelBuilder openAi =
            OpenAiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(settings.baseUrl())
                .apiKey(key)
                .modelName(settings.model())
                .timeout(settings.requestTimeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
        // OpenAI's newer models take only max_completion_tokens; Ollama and llama.cpp read only
        // max_tokens.
        if (settings.baseUrl().equals(Provider.OPENAI.defaultBaseUrl())) {
          openAi.maxCompletionTokens(settings.maxOutputTokens());
        } else {
          openAi.maxTokens(settings.maxOutputTokens());
        }
        return openAi.build();
      default:
        throw new IllegalStateException("no model client for " + settings.provider());
    }
  }

  /** Configures a {@link ModelClient}. */
  public static final class Builder {
    private final ProviderSettings settings;
    private ChatModel model;
    private RequestRetry retry = RequestRetry.DEFAULT;
    private RequestLimiter limiter = new RequestLimiter(4);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ModelPrice price;
    private CostMeter meter = CostMeter.unlimited();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder(ProviderSettings settings) {
      this.settings = requireNonNull(settings, "settings");
    }

    /** Retries of transient failures; default {@link RequestRetry#DEFAULT}. */
    public Builder retry(RequestRetry retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /** The limiter shared with the other clients of the run; default one of 4 requests. */
    public Builder limiter(RequestLimiter limiter) {
      this.limiter = requireNonNull(limiter, "limiter");
      return this;
    }

    /** The model's price, or null when it has none; default none. */
    public Builder price(ModelPrice price) {
      this.price = price;
      return this;
    }

    /** Where requests are counted; default a meter of this client alone, without a limit. */
    public Builder meter(CostMeter meter) {
      this.meter = requireNonNull(meter, "meter");
      return this;
    }

    /** How the waits between attempts are taken; for tests. Default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The source of jitter, numbers in [0, 1); for tests. */
    public Builder random(DoubleSupplier random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /** The LangChain4j model to call instead of one built from the settings; for tests. */
    public Builder chatModel(ChatModel model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    public ModelClient build() {
      return new ModelClient(this);
    }
  }
}
