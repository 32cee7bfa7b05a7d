package dev.orchestrator.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One request as a script sees it, the same for both dialects.
 *
 * @param number 1 for the server's first request
 * @param system the system prompt's text
 * @param messages the conversation after the system prompt
 * @param tools the names of the tools offered
 * @param body the request body as sent
 */
public record Call(
    FakeModelServer.Dialect dialect,
    int number,
    String model,
    String system,
    List<Message> messages,
    List<String> tools,
    JsonNode body) {

  /**
   * A message of the conversation.
   *
   * @param role user, assistant, or tool (a tool result)
   * @param toolCalls the calls of an assistant message
   * @param isError whether a tool result reports an error
   */
  public record Message(String role, String text, List<String> toolCalls, boolean isError) {}

  /** The text of the first user message: the task or the planning step. */
  public String firstUserText() {
    return messages.stream()
        .filter(m -> m.role().equals("user"))
        .map(Message::text)
        .findFirst()
        .orElse("");
  }

  /** How many answers the model gave so far in this conversation. */
  public int assistantTurns() {
    return (int) messages.stream().filter(m -> m.role().equals("assistant")).count();
  }

  /** The newest message. */
  public Message last() {
    return messages.get(messages.size() - 1);
  }

  /** The tool results since the model's last answer. */
  public List<Message> latestToolResults() {
    int i = messages.size();
    while (i > 0 && !messages.get(i - 1).role().equals("assistant")) {
      i--;
    }
    return messages.subList(i, messages.size()).stream()
        .filter(m -> m.role().equals("tool"))
        .toList();
  }
}
