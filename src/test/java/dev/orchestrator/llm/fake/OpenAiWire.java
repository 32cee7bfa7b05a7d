package dev.orchestrator.llm.fake;

import static dev.orchestrator.llm.fake.FakeModelServer.JSON;
import static dev.orchestrator.llm.fake.FakeModelServer.array;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The OpenAI Chat Completions API: {@code POST /v1/chat/completions}. */
final class OpenAiWire implements FakeModelServer.Wire {

  // OpenAI caches prompt prefixes in steps of 128 tokens.
  private static final int CACHE_STEP = 128;

  @Override
  public String problem(JsonNode body) {
    if (!body.path("model").isTextual()) {
      return "you must provide a model parameter";
    }
    ArrayNode messages = array(body.get("messages"));
    if (messages.isEmpty()) {
      return "'messages' must contain at least one message";
    }
    Set<String> open = new LinkedHashSet<>();
    for (JsonNode message : messages) {
      String role = message.path("role").asText();
      if (role.equals("tool")) {
        if (!open.remove(message.path("tool_call_id").asText())) {
          return "Invalid parameter: messages with role 'tool' must be a response to a preceeding"
              + " message with 'tool_calls'.";
        }
        continue;
      }
      if (!open.isEmpty()) {
        return "An assistant message with 'tool_calls' must be followed by tool messages"
            + " responding to each 'tool_call_id'. The following tool_call_ids did not have"
            + " response messages: "
            + String.join(", ", open);
      }
      for (JsonNode call : array(message.get("tool_calls"))) {
        open.add(call.path("id").asText());
      }
    }
    return null;
  }

  @Override
  public Call call(JsonNode body, int number) {
    List<String> system = new ArrayList<>();
    List<Call.Message> messages = new ArrayList<>();
    for (JsonNode message : array(body.get("messages"))) {
      String role = message.path("role").asText();
      String text = text(message.get("content"));
      if (role.equals("system") || role.equals("developer")) {
        system.add(text);
        continue;
      }
      List<String> calls = new ArrayList<>();
      array(message.get("tool_calls"))
          .forEach(c -> calls.add(c.path("function").path("name").asText()));
      messages.add(new Call.Message(role, text, calls, false));
    }
    List<String> tools = new ArrayList<>();
    array(body.get("tools")).forEach(t -> tools.add(t.path("function").path("name").asText()));
    return new Call(
        FakeModelServer.Dialect.OPENAI,
        number,
        body.path("model").asText(),
        String.join("\n", system),
        messages,
        tools,
        body);
  }

  private static String text(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    List<String> parts = new ArrayList<>();
    content.forEach(part -> parts.add(part.path("text").asText()));
    return String.join("\n", parts);
  }

  // Automatic caching: every message boundary ends a prefix, stored for free.
  @Override
  public PromptCacheSimulator.Usage inputUsage(JsonNode body, PromptCacheSimulator cache) {
    List<String> blocks = new ArrayList<>();
    List<Integer> breakpoints = new ArrayList<>();
    blocks.add(array(body.get("tools")).toString());
    for (JsonNode message : array(body.get("messages"))) {
      blocks.add(message.toString());
      breakpoints.add(blocks.size() - 1);
    }
    return cache.use(body.path("model").asText(), blocks, breakpoints, false, CACHE_STEP);
  }

  @Override
  public ObjectNode response(Reply reply, Call call, int number, PromptCacheSimulator.Usage input) {
    ObjectNode response = JSON.createObjectNode();
    response.put("id", "chatcmpl-fake" + number);
    response.put("object", "chat.completion");
    response.put("created", 1767225600L + number);
    response.put("model", call.model());
    ObjectNode choice = response.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    String finish;
    if (reply instanceof Reply.Text text) {
      message.put("content", text.text());
      finish = text.cut() ? "length" : "stop";
    } else {
      Reply.Tools tools = (Reply.Tools) reply;
      if (tools.text().isEmpty()) {
        message.putNull("content");
      } else {
        message.put("content", tools.text());
      }
      ArrayNode calls = message.putArray("tool_calls");
      for (int i = 0; i < tools.calls().size(); i++) {
        ToolCall tool = tools.calls().get(i);
        ObjectNode call1 = calls.addObject();
        call1.put("id", "call_fake_" + number + "_" + i);
        call1.put("type", "function");
        call1
            .putObject("function")
            .put("name", tool.name())
            .put("arguments", JSON.valueToTree(tool.input()).toString());
      }
      finish = "tool_calls";
    }
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", finish);
    long output = FakeModelServer.outputTokens(reply);
    ObjectNode usage = response.putObject("usage");
    usage.put("prompt_tokens", input.total());
    usage.put("completion_tokens", output);
    usage.put("total_tokens", input.total() + output);
    usage
        .putObject("prompt_tokens_details")
        .put("cached_tokens", input.cacheRead())
        .put("audio_tokens", 0);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0);
    response.put("system_fingerprint", "fp_fake");
    return response;
  }

  @Override
  public FakeModelServer.TokenCount tokens(ObjectNode response) {
    JsonNode usage = response.get("usage");
    long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong();
    return new FakeModelServer.TokenCount(
        usage.get("prompt_tokens").asLong() - cached,
        usage.get("completion_tokens").asLong(),
        cached,
        0);
  }
}
