package dev.orchestrator.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The Anthropic Messages API as the real Claude Code CLI uses it, on 127.0.0.1: {@code POST
 * /v1/messages?beta=true} answered as a server-sent event stream ({@code message_start}, a {@code
 * content_block_start}/{@code _delta}/{@code _stop} per block, {@code message_delta} with the stop
 * reason and usage, {@code message_stop}), or as one JSON message when the request does not ask to
 * stream; a wrong {@code x-api-key} gets the API's 401, and a script may answer with any error.
 * Every request is kept for the test to look at.
 */
public final class StreamingAnthropicServer implements AutoCloseable {

  /** What the server answers to one request. */
  public sealed interface Answer {}

  /**
   * A message of these content blocks ({@link #text}, {@link #toolUse}).
   *
   * @param stopReason {@code end_turn} or {@code tool_use}
   */
  public record Message(List<ObjectNode> content, String stopReason) implements Answer {}

  /** An HTTP error with the API's error body. */
  public record Failure(int status, String type, String message) implements Answer {}

  /** Input and output tokens every answered message reports. */
  public static final int INPUT_TOKENS = 1000;

  public static final int OUTPUT_TOKENS = 50;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String apiKey;
  private final Function<JsonNode, Answer> script;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  private StreamingAnthropicServer(String apiKey, Function<JsonNode, Answer> script)
      throws IOException {
    this.apiKey = apiKey;
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts a server that accepts {@code apiKey} and answers each request (its JSON body) as the
   * script says.
   */
  public static StreamingAnthropicServer start(String apiKey, Function<JsonNode, Answer> script)
      throws IOException {
    return new StreamingAnthropicServer(apiKey, script);
  }

  /** The base URL for {@code ANTHROPIC_BASE_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The bodies of the requests answered so far, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** A text block. */
  public static ObjectNode text(String text) {
    return FakeModelServer.JSON.createObjectNode().put("type", "text").put("text", text);
  }

  /** A tool call of Claude Code's tools ({@code Write}, {@code Bash}, ...). */
  public static ObjectNode toolUse(String name, ObjectNode input) {
    ObjectNode block = FakeModelServer.JSON.createObjectNode().put("type", "tool_use");
    block.put("id", "toolu_" + Long.toHexString(System.nanoTime())).put("name", name);
    block.set("input", input);
    return block;
  }

  /** A JSON object to build tool inputs with. */
  public static ObjectNode object() {
    return FakeModelServer.JSON.createObjectNode();
  }

  /** Every text of a request's messages (not its system prompt), joined by newlines. */
  public static String conversation(JsonNode request) {
    StringBuilder text = new StringBuilder();
    for (JsonNode message : request.path("messages")) {
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        text.append(content.asText()).append('\n');
      }
      for (JsonNode block : content) {
        text.append(block.path("text").asText("")).append('\n');
      }
    }
    return text.toString();
  }

  /** How many turns the model has had in this conversation: its messages so far. */
  public static int turns(JsonNode request) {
    int turns = 0;
    for (JsonNode message : request.path("messages")) {
      turns += message.path("role").asText().equals("assistant") ? 1 : 0;
    }
    return turns;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      if (!exchange.getRequestMethod().equals("POST")
          || !exchange.getRequestURI().getPath().equals("/v1/messages")) {
        send(exchange, 404, error("not_found_error", "no such route"));
        return;
      }
      if (!apiKey.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
        send(exchange, 401, error("authentication_error", "invalid x-api-key"));
        return;
      }
      JsonNode request = FakeModelServer.JSON.readTree(raw);
      requests.add(request);
      Answer answer = script.apply(request);
      if (answer instanceof Failure failure) {
        send(exchange, failure.status(), error(failure.type(), failure.message()));
      } else if (request.path("stream").asBoolean(false)) {
        stream(exchange, request, (Message) answer);
      } else {
        send(exchange, 200, message(request, (Message) answer).toString());
      }
    }
  }

  private ObjectNode message(JsonNode request, Message answer) {
    ObjectNode message = FakeModelServer.JSON.createObjectNode();
    message.put("id", "msg_fake" + ids.incrementAndGet()).put("type", "message");
    message.put("role", "assistant").put("model", request.path("model").asText());
    message.putArray("content").addAll(answer.content());
    message.put("stop_reason", answer.stopReason()).putNull("stop_sequence");
    message
        .putObject("usage")
        .put("input_tokens", INPUT_TOKENS)
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0)
        .put("output_tokens", OUTPUT_TOKENS);
    return message;
  }

  private void stream(HttpExchange exchange, JsonNode request, Message answer) throws IOException {
    exchange.getResponseHeaders().set("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      ObjectNode start = message(request, new Message(List.of(), null));
      ((ObjectNode) start.get("usage")).put("output_tokens", 1);
      event(out, "message_start", object().put("type", "message_start").set("message", start));
      int index = 0;
      for (ObjectNode block : answer.content()) {
        ObjectNode empty = block.deepCopy();
        if (block.path("type").asText().equals("text")) {
          empty.put("text", "");
        } else {
          empty.putObject("input");
        }
        event(
            out,
            "content_block_start",
            indexed("content_block_start", index).set("content_block", empty));
        ObjectNode delta =
            block.path("type").asText().equals("text")
                ? object().put("type", "text_delta").put("text", block.path("text").asText())
                : object()
                    .put("type", "input_json_delta")
                    .put("partial_json", block.get("input").toString());
        event(
            out, "content_block_delta", indexed("content_block_delta", index).set("delta", delta));
        event(out, "content_block_stop", indexed("content_block_stop", index));
        index++;
      }
      ObjectNode end = object().put("type", "message_delta");
      end.putObject("delta").put("stop_reason", answer.stopReason()).putNull("stop_sequence");
      end.putObject("usage").put("output_tokens", OUTPUT_TOKENS);
      event(out, "message_delta", end);
      event(out, "message_stop", object().put("type", "message_stop"));
    }
  }

  private static ObjectNode indexed(String type, int index) {
    return object().put("type", type).put("index", index);
  }

  private static void event(OutputStream out, String name, JsonNode data) throws IOException {
    out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String error(String type, String message) {
    ObjectNode body = object().put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    return body.put("request_id", "req_fake").toString();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
