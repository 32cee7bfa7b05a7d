package dev.orchestrator.llm.fake;

import static dev.orchestrator.llm.fake.FakeModelServer.JSON;
import static dev.orchestrator.llm.fake.FakeModelServer.array;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The Anthropic Messages API: {@code POST /v1/messages}. */
final class AnthropicWire implements FakeModelServer.Wire {

  private final HttpExchange exchange;

  AnthropicWire(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public String problem(JsonNode body) {
    if (exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
      return "anthropic-version: header is required";
    }
    if (!body.path("model").isTextual()) {
      return "model: Field required";
    }
    if (!body.path("max_tokens").isInt()) {
      return "max_tokens: Field required";
    }
    ArrayNode messages = array(body.get("messages"));
    if (messages.isEmpty()) {
      return "messages: at least one message is required";
    }
    if (!messages.get(0).path("role").asText().equals("user")) {
      return "messages: first message must use the \"user\" role";
    }
    int marks = body.has("cache_control") ? 1 : 0;
    for (JsonNode block : array(body.get("system"))) {
      marks += block.has("cache_control") ? 1 : 0;
    }
    for (JsonNode tool : array(body.get("tools"))) {
      marks += tool.has("cache_control") ? 1 : 0;
    }
    for (int i = 0; i < messages.size(); i++) {
      JsonNode content = messages.get(i).get("content");
      for (JsonNode block : array(content)) {
        marks += block.has("cache_control") ? 1 : 0;
      }
      Set<String> toolUses = new HashSet<>();
      for (JsonNode block : array(content)) {
        if (block.path("type").asText().equals("tool_use")) {
          toolUses.add(block.path("id").asText());
        }
      }
      if (!toolUses.isEmpty()) {
        JsonNode next = i + 1 < messages.size() ? messages.get(i + 1) : null;
        if (next != null) {
          for (JsonNode block : array(next.get("content"))) {
            if (!block.path("type").asText().equals("tool_result")) {
              break;
            }
            toolUses.remove(block.path("tool_use_id").asText());
          }
        }
        if (next == null || !toolUses.isEmpty()) {
          return "messages."
              + (i + 1)
              + ": `tool_use` ids were found without `tool_result`"
              + " blocks immediately after: "
              + String.join(", ", toolUses);
        }
      }
    }
    if (marks > 4) {
      return "A maximum of 4 blocks with cache_control may be provided. Found " + marks + ".";
    }
    return null;
  }

  @Override
  public Call call(JsonNode body, int number) {
    JsonNode system = body.get("system");
    String systemText;
    if (system != null && system.isTextual()) {
      systemText = system.asText();
    } else {
      List<String> parts = new ArrayList<>();
      array(system).forEach(block -> parts.add(block.path("text").asText()));
      systemText = String.join("\n", parts);
    }
    List<Call.Message> messages = new ArrayList<>();
    for (JsonNode message : array(body.get("messages"))) {
      String role = message.path("role").asText();
      JsonNode content = message.get("content");
      if (content.isTextual()) {
        messages.add(new Call.Message(role, content.asText(), List.of(), false));
        continue;
      }
      List<String> texts = new ArrayList<>();
      List<String> calls = new ArrayList<>();
      for (JsonNode block : content) {
        switch (block.path("type").asText()) {
          case "text":
            texts.add(block.path("text").asText());
            break;
          case "tool_use":
            calls.add(block.path("name").asText());
            break;
          case "tool_result":
            messages.add(
                new Call.Message(
                    "tool",
                    resultText(block.get("content")),
                    List.of(),
                    block.path("is_error").asBoolean(false)));
            break;
          default:
            break;
        }
      }
      if (!texts.isEmpty() || !calls.isEmpty()) {
        messages.add(new Call.Message(role, String.join("\n", texts), calls, false));
      }
    }
    List<String> tools = new ArrayList<>();
    array(body.get("tools")).forEach(tool -> tools.add(tool.path("name").asText()));
    return new Call(
        FakeModelServer.Dialect.ANTHROPIC,
        number,
        body.path("model").asText(),
        systemText,
        messages,
        tools,
        body);
  }

  private static String resultText(JsonNode content) {
    if (content == null) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    List<String> parts = new ArrayList<>();
    content.forEach(block -> parts.add(block.path("text").asText()));
    return String.join("\n", parts);
  }

  // Cache order: tools, then system, then messages; a block marked cache_control ends a prefix.
  @Override
  public PromptCacheSimulator.Usage inputUsage(JsonNode body, PromptCacheSimulator cache) {
    List<String> blocks = new ArrayList<>();
    List<Integer> breakpoints = new ArrayList<>();
    for (JsonNode tool : array(body.get("tools"))) {
      add(tool, blocks, breakpoints);
    }
    JsonNode system = body.get("system");
    if (system != null && system.isTextual()) {
      blocks.add(system.asText());
    } else {
      array(system).forEach(block -> add(block, blocks, breakpoints));
    }
    for (JsonNode message : array(body.get("messages"))) {
      JsonNode content = message.get("content");
      if (content.isTextual()) {
        blocks.add(message.path("role").asText() + ":" + content.asText());
      } else {
        content.forEach(block -> add(block, blocks, breakpoints));
      }
    }
    if (body.has("cache_control") && !blocks.isEmpty()) {
      breakpoints.add(blocks.size() - 1);
    }
    return cache.use(body.path("model").asText(), blocks, breakpoints, true, 1);
  }

  private static void add(JsonNode block, List<String> blocks, List<Integer> breakpoints) {
    ObjectNode copy = block.deepCopy();
    boolean marked = copy.remove("cache_control") != null;
    blocks.add(copy.toString());
    if (marked) {
      breakpoints.add(blocks.size() - 1);
    }
  }

  @Override
  public ObjectNode response(Reply reply, Call call, int number, PromptCacheSimulator.Usage input) {
    ObjectNode response = JSON.createObjectNode();
    response.put("id", "msg_fake_" + number);
    response.put("type", "message");
    response.put("role", "assistant");
    response.put("model", call.model());
    ArrayNode content = response.putArray("content");
    String stop;
    if (reply instanceof Reply.Text text) {
      content.addObject().put("type", "text").put("text", text.text());
      stop = text.cut() ? "max_tokens" : "end_turn";
    } else {
      Reply.Tools tools = (Reply.Tools) reply;
      if (!tools.text().isEmpty()) {
        content.addObject().put("type", "text").put("text", tools.text());
      }
      for (int i = 0; i < tools.calls().size(); i++) {
        ToolCall tool = tools.calls().get(i);
        ObjectNode block = content.addObject();
        block.put("type", "tool_use");
        block.put("id", "toolu_fake_" + number + "_" + i);
        block.put("name", tool.name());
        block.set("input", JSON.valueToTree(tool.input()));
      }
      stop = "tool_use";
    }
    response.put("stop_reason", stop);
    response.putNull("stop_sequence");
    ObjectNode usage = response.putObject("usage");
    usage.put("input_tokens", input.input());
    usage.put("cache_creation_input_tokens", input.cacheWrite());
    usage.put("cache_read_input_tokens", input.cacheRead());
    usage
        .putObject("cache_creation")
        .put("ephemeral_5m_input_tokens", input.cacheWrite())
        .put("ephemeral_1h_input_tokens", 0);
    usage.put("output_tokens", FakeModelServer.outputTokens(reply));
    usage.put("service_tier", "standard");
    return response;
  }

  @Override
  public FakeModelServer.TokenCount tokens(ObjectNode response) {
    JsonNode usage = response.get("usage");
    return new FakeModelServer.TokenCount(
        usage.get("input_tokens").asLong(),
        usage.get("output_tokens").asLong(),
        usage.get("cache_read_input_tokens").asLong(),
        usage.get("cache_creation_input_tokens").asLong());
  }
}
