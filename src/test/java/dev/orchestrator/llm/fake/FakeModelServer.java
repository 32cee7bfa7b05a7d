package dev.orchestrator.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A language-model API on 127.0.0.1, over real HTTP, that speaks both the Anthropic Messages API
 * ({@code POST /v1/messages}) and the OpenAI Chat Completions API ({@code POST
 * /v1/chat/completions}) with their JSON shapes: tool_use and tool_calls, stop_reason and
 * finish_reason, usage with prompt-cache tokens, and each API's error bodies. It checks requests as
 * the real APIs do (key, version header, required fields, tool results right after tool calls, at
 * most four cache breakpoints) and answers what a {@link Script} says.
 */
public final class FakeModelServer implements AutoCloseable {

  /** Which API a request used. */
  public enum Dialect {
    ANTHROPIC,
    OPENAI
  }

  /** Decides the answer to each request; called concurrently. */
  @FunctionalInterface
  public interface Script {
    Reply answer(Call call) throws InterruptedException;
  }

  /**
   * One request and its answer, as they went over the wire.
   *
   * @param usage the token counts reported, or null for an error
   */
  public record Exchange(
      Dialect dialect,
      Map<String, List<String>> headers,
      String requestBody,
      int status,
      String responseBody,
      Call call,
      TokenCount usage) {}

  /** Tokens of one answered request: input excludes cache reads and writes. */
  public record TokenCount(long input, long output, long cacheRead, long cacheWrite) {}

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String apiKey;
  private final Script script;
  private final PromptCacheSimulator cache = new PromptCacheSimulator();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private FakeModelServer(String apiKey, Script script) throws IOException {
    this.apiKey = apiKey;
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/v1/messages", exchange -> handle(exchange, Dialect.ANTHROPIC));
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, Dialect.OPENAI));
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts a server on a free port of 127.0.0.1.
   *
   * @param apiKey the key requests must carry; null to accept requests without one (OpenAI dialect
   *     only, as local servers do)
   */
  public static FakeModelServer start(String apiKey, Script script) throws IOException {
    return new FakeModelServer(apiKey, script);
  }

  /** {@code http://127.0.0.1:PORT}, without the {@code /v1}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Exchange> exchanges() {
    return Collections.unmodifiableList(new ArrayList<>(exchanges));
  }

  /** The answered requests (status 200). */
  public List<Exchange> answered() {
    return exchanges().stream().filter(e -> e.status() == 200 && e.usage() != null).toList();
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** The most requests the server was handling at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange, Dialect dialect) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    // A request stops counting before its reply leaves: a client that has the whole reply may
    // send its next request before this thread would reach a finally block, and that request
    // must not count as a third beside two (ModelClientTest failed so, seeing 3 under a limit of
    // 2).
    boolean counted = true;
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
      Answer answer = answer(exchange, dialect, body);
      exchanges.add(
          new Exchange(
              dialect, headers, body, answer.status, answer.body, answer.call, answer.usage));
      inFlight.decrementAndGet();
      counted = false;
      if (answer.drop) {
        exchange.close();
        return;
      }
      byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("content-type", "application/json");
      answer.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(answer.status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
    }
  }

  private static final class Answer {
    int status = 200;
    String body = "";
    Map<String, String> headers = Map.of();
    boolean drop;
    Call call;
    TokenCount usage;
  }

  private Answer answer(HttpExchange exchange, Dialect dialect, String text)
      throws InterruptedException {
    int number = requests.incrementAndGet();
    Answer answer = new Answer();
    if (!exchange.getRequestMethod().equals("POST")) {
      return error(answer, dialect, 405, "invalid_request_error", "use POST", number);
    }
    String keyProblem = keyProblem(exchange, dialect);
    if (keyProblem != null) {
      return error(answer, dialect, 401, "authentication_error", keyProblem, number);
    }
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (IOException e) {
      return error(answer, dialect, 400, "invalid_request_error", "the body is not JSON", number);
    }
    Wire wire = dialect == Dialect.ANTHROPIC ? new AnthropicWire(exchange) : new OpenAiWire();
    String problem = wire.problem(body);
    if (problem != null) {
      return error(answer, dialect, 400, "invalid_request_error", problem, number);
    }
    Call call = wire.call(body, number);
    answer.call = call;
    Reply reply = script.answer(call);
    if (reply instanceof Reply.Drop) {
      answer.drop = true;
      answer.status = 0;
      return answer;
    }
    if (reply instanceof Reply.Malformed malformed) {
      answer.body = malformed.body();
      return answer;
    }
    if (reply instanceof Reply.Error error) {
      error(answer, dialect, error.status(), error.type(), error.message(), number);
      answer.headers = error.headers();
      return answer;
    }
    PromptCacheSimulator.Usage input = wire.inputUsage(body, cache);
    ObjectNode response = wire.response(reply, call, number, input);
    answer.body = response.toString();
    answer.usage = wire.tokens(response);
    return answer;
  }

  private String keyProblem(HttpExchange exchange, Dialect dialect) {
    if (dialect == Dialect.ANTHROPIC) {
      String key = exchange.getRequestHeaders().getFirst("x-api-key");
      return key != null && key.equals(apiKey) ? null : "invalid x-api-key";
    }
    if (apiKey == null) {
      return null;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.equals("Bearer " + apiKey)) {
      return null;
    }
    // As OpenAI does, the message quotes the key it was given.
    String given = authorization == null ? "none" : authorization.replaceFirst("^Bearer ", "");
    return "Incorrect API key provided: "
        + given
        + ". You can find your API key at"
        + " https://platform.openai.com/account/api-keys.";
  }

  private static Answer error(
      Answer answer, Dialect dialect, int status, String type, String message, int number) {
    answer.status = status;
    ObjectNode body = JSON.createObjectNode();
    if (dialect == Dialect.ANTHROPIC) {
      body.put("type", "error");
      body.putObject("error").put("type", type).put("message", message);
      body.put("request_id", "req_fake_" + number);
    } else {
      ObjectNode error = body.putObject("error");
      error.put("message", message);
      error.put("type", openAiType(status, type));
      error.putNull("param");
      error.put("code", openAiCode(status, type));
    }
    answer.body = body.toString();
    return answer;
  }

  private static String openAiType(int status, String type) {
    if (status == 429) {
      return "requests";
    }
    return status >= 500 ? "server_error" : "invalid_request_error";
  }

  private static String openAiCode(int status, String type) {
    switch (status) {
      case 401:
        return "invalid_api_key";
      case 404:
        return "model_not_found";
      case 429:
        return type.equals("insufficient_quota") ? "insufficient_quota" : "rate_limit_exceeded";
      default:
        return null;
    }
  }

  /** One dialect's request checks, reading and answer shapes. */
  interface Wire {
    String problem(JsonNode body);

    Call call(JsonNode body, int number);

    PromptCacheSimulator.Usage inputUsage(JsonNode body, PromptCacheSimulator cache);

    ObjectNode response(Reply reply, Call call, int number, PromptCacheSimulator.Usage input);

    TokenCount tokens(ObjectNode response);
  }

  static ArrayNode array(JsonNode node) {
    return node != null && node.isArray() ? (ArrayNode) node : JSON.createArrayNode();
  }

  static long outputTokens(Reply reply) {
    long chars = 0;
    if (reply instanceof Reply.Text text) {
      chars = text.text().length();
    } else if (reply instanceof Reply.Tools tools) {
      chars = tools.text().length();
      for (ToolCall call : tools.calls()) {
        chars += JSON.valueToTree(call.input()).toString().length() + call.name().length();
      }
    }
    return Math.max(1, PromptCacheSimulator.tokens(chars));
  }
}
