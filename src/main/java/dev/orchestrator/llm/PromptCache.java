package dev.orchestrator.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * Marks where a conversation's cacheable prefix ends. Anthropic caches the prefix up to a block
 * marked {@code cache_control}; LangChain4j 1.19 marks the last system block itself ({@code
 * cacheSystemMessages}) and a user or tool-result message whose attributes carry {@code
 * cache_control: ephemeral}. OpenAI-compatible servers ignore the mark and cache prefixes on their
 * own. Anthropic allows four marks per request: the system message and the newest message make two.
 */
public final class PromptCache {

  /** LangChain4j's attribute, read by its Anthropic mapper. */
  static final String ATTRIBUTE = "cache_control";

  static final String EPHEMERAL = "ephemeral";

  private PromptCache() {}

  /**
   * The message with the cache mark, so that the next request reads everything up to here from the
   * cache; other message types are returned unchanged.
   */
  public static ChatMessage markEnd(ChatMessage message) {
    if (message instanceof UserMessage user) {
      return user.toBuilder().attributes(marked(user.attributes())).build();
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.toBuilder().attributes(marked(result.attributes())).build();
    }
    return message;
  }

  private static Map<String, Object> marked(Map<String, Object> attributes) {
    Map<String, Object> copy = attributes == null ? new HashMap<>() : new HashMap<>(attributes);
    copy.put(ATTRIBUTE, EPHEMERAL);
    return copy;
  }
}
