package dev.orchestrator.llm;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.message.AiMessage;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;

/**
 * One answer of a model.
 *
 * @param cutOff whether the reply stopped at the output token limit (Anthropic {@code max_tokens},
 *     OpenAI {@code length}) and is therefore incomplete
 * @param costUsd the cost of the request, null when the model has no price
 */
public record ModelReply(AiMessage message, boolean cutOff, Tokens tokens, BigDecimal costUsd) {

  public ModelReply {
    requireNonNull(message, "message");
    requireNonNull(tokens, "tokens");
  }

  /** The text of the reply, empty when it has none (only tool calls). */
  public String text() {
    return message.text() == null ? "" : message.text();
  }
}
