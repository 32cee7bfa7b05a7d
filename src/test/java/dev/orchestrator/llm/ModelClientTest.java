package dev.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.orchestrator.llm.fake.FakeModelServer;
import dev.orchestrator.llm.fake.FakeModelServer.Dialect;
import dev.orchestrator.llm.fake.Reply;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one way to a model, against a fake API server over real HTTP, in both dialects. */
@Timeout(30)
class ModelClientTest {

  static final String KEY = "sk-ant-test-0123456789abcdef";
  // Long enough to pass the fake's (and Anthropic's) smallest cacheable prompt.
  static final String LONG_SYSTEM = "You are a careful assistant. ".repeat(200);

  FakeModelServer server;
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ModelClient client(Dialect dialect, FakeModelServer.Script script) throws Exception {
    return client(dialect, script, CostMeter.unlimited(), new RequestLimiter(4), null);
  }

  ModelClient client(
      Dialect dialect,
      FakeModelServer.Script script,
      CostMeter meter,
      RequestLimiter limiter,
      ModelPrice price)
      throws Exception {
    server = FakeModelServer.start(KEY, script);
    return ModelClient.builder(settings(dialect, KEY))
        .retry(new RequestRetry(2, Duration.ofSeconds(1), Duration.ofSeconds(60)))
        .limiter(limiter)
        .sleeper(waits::add)
        .random(() -> 0.0)
        .meter(meter)
        .price(price)
        .build();
  }

  ProviderSettings settings(Dialect dialect, String key) {
    Provider provider = dialect == Dialect.ANTHROPIC ? Provider.ANTHROPIC : Provider.OPENAI;
    return new ProviderSettings(
        provider,
        "test-model",
        ProviderSettings.apiRoot(provider, server.url()),
        new ApiKey(key, provider.keyVariable()),
        Duration.ofSeconds(10),
        1024);
  }

  static ChatRequest hello() {
    return ChatRequest.builder()
        .messages(SystemMessage.from(LONG_SYSTEM), UserMessage.from("Say hello"))
        .build();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void answers_and_counts_the_tokens_of_the_reply(Dialect dialect) throws Exception {
    ModelClient client = client(dialect, call -> Reply.text("hello"));

    ModelReply reply = client.chat(hello());

    assertThat(reply.text()).isEqualTo("hello");
    assertThat(reply.cutOff()).isFalse();
    FakeModelServer.TokenCount sent = server.answered().get(0).usage();
    assertThat(reply.tokens())
        .isEqualTo(new Tokens(sent.input(), sent.output(), sent.cacheRead(), sent.cacheWrite()));
    assertThat(reply.tokens().totalInput()).isGreaterThan(1024);
  }

  @Test
  void marks_the_system_prompt_for_anthropics_cache_so_the_next_request_reads_it()
      throws Exception {
    ModelClient client = client(Dialect.ANTHROPIC, call -> Reply.text("hello"));

    ModelReply first = client.chat(hello());
    ModelReply second = client.chat(hello());

    assertThat(server.exchanges().get(0).requestBody()).contains("\"cache_control\"");
    assertThat(first.tokens().cacheWrite()).isPositive();
    assertThat(first.tokens().cacheRead()).isZero();
    assertThat(second.tokens().cacheRead()).isEqualTo(first.tokens().cacheWrite());
    assertThat(second.tokens().cacheWrite()).isZero();
  }

  @Test
  void reads_openais_cached_tokens_out_of_its_prompt_tokens() throws Exception {
    ModelClient client = client(Dialect.OPENAI, call -> Reply.text("hello"));

    client.chat(hello());
    ModelReply second = client.chat(hello());

    assertThat(second.tokens().cacheRead()).isPositive();
    assertThat(second.tokens().cacheWrite()).isZero();
    assertThat(second.tokens().totalInput())
        .isEqualTo(server.answered().get(1).usage().input() + second.tokens().cacheRead());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void says_when_a_reply_was_cut_at_the_output_limit(Dialect dialect) throws Exception {
    ModelClient client = client(dialect, call -> Reply.cut("{\"tasks\": ["));

    assertThat(client.chat(hello()).cutOff()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void waits_as_long_as_retry_after_says_after_a_429(Dialect dialect) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ModelClient client =
        client(
            dialect,
            call -> calls.incrementAndGet() == 1 ? Reply.rateLimited(7) : Reply.text("ok"));

    assertThat(client.chat(hello()).text()).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(server.exchanges())
        .extracting(FakeModelServer.Exchange::status)
        .containsExactly(429, 200);
  }

  @Test
  void backs_off_exponentially_after_overload_and_server_errors() throws Exception {
    List<Reply> replies =
        new ArrayList<>(List.of(Reply.overloaded(), Reply.serverError(), Reply.text("ok")));
    ModelClient client = client(Dialect.ANTHROPIC, call -> replies.remove(0));

    assertThat(client.chat(hello()).text()).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void retries_a_dropped_connection_and_a_malformed_reply(Dialect dialect) throws Exception {
    List<Reply> replies =
        new ArrayList<>(List.of(Reply.drop(), Reply.malformed(), Reply.text("ok")));
    ModelClient client = client(dialect, call -> replies.remove(0));

    assertThat(client.chat(hello()).text()).isEqualTo("ok");
    assertThat(waits).hasSize(2);
  }

  @Test
  void gives_up_after_the_retries_and_says_how_often_it_tried() throws Exception {
    ModelClient client = client(Dialect.ANTHROPIC, call -> Reply.rateLimited(1));

    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderUnavailable.class)
        .hasMessageContaining(
            "the Anthropic API at " + server.url() + "/v1 limited the rate (429 rate_limit_error")
        .hasMessageContaining("--max-concurrent-requests")
        .hasMessageEndingWith("(after 3 attempts)");
  }

  @Test
  void names_a_malformed_reply_when_it_persists() throws Exception {
    ModelClient client = client(Dialect.ANTHROPIC, call -> Reply.malformed());

    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderUnavailable.class)
        .hasMessageContaining("sent a reply that could not be read");
  }

  @Test
  void does_not_retry_a_rejected_key_and_names_where_the_key_came_from() throws Exception {
    server = FakeModelServer.start(KEY, call -> Reply.text("never"));
    ModelClient client =
        ModelClient.builder(settings(Dialect.ANTHROPIC, "sk-ant-wrong-key-42"))
            .sleeper(waits::add)
            .build();

    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderRejection.class)
        .hasMessageContaining("rejected the key (401 authentication_error: invalid x-api-key)")
        .hasMessageContaining("check ANTHROPIC_API_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-ant-wrong-key-42"));
    assertThat(waits).isEmpty();
    assertThat(server.exchanges()).hasSize(1);
  }

  @Test
  void scrubs_the_key_that_an_openai_error_quotes() throws Exception {
    server = FakeModelServer.start(KEY, call -> Reply.text("never"));
    ModelClient client =
        ModelClient.builder(settings(Dialect.OPENAI, "sk-proj-wrong-key-42"))
            .sleeper(waits::add)
            .build();

    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderRejection.class)
        .hasMessageContaining(
            "rejected the key (401 invalid_api_key: Incorrect API key provided: ****")
        .hasMessageContaining("check OPENAI_API_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-proj-wrong-key-42"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void does_not_retry_permanent_failures(Dialect dialect) throws Exception {
    List<Reply> replies =
        new ArrayList<>(
            List.of(
                Reply.error(404, "not_found_error", "model: test-model"),
                Reply.error(400, "invalid_request_error", "prompt is too long"),
                Reply.error(403, "permission_error", "not allowed"),
                Reply.error(429, "insufficient_quota", "You exceeded your current quota")));
    ModelClient client = client(dialect, call -> replies.remove(0));

    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderRejection.class)
        .hasMessageContaining("knows no model \"test-model\"")
        .hasMessageContaining("check --model and --base-url");
    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderRejection.class)
        .hasMessageContaining("rejected the request (400")
        .hasMessageContaining("prompt is too long");
    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderRejection.class)
        .hasMessageContaining("refused access (403");
    if (dialect == Dialect.OPENAI) {
      assertThatThrownBy(() -> client.chat(hello()))
          .isInstanceOf(ProviderRejection.class)
          .hasMessageContaining("has no quota left");
    }
    assertThat(waits).isEmpty();
  }

  @Test
  void names_a_server_that_does_not_listen() throws Exception {
    server = FakeModelServer.start(KEY, call -> Reply.text("never"));
    ProviderSettings settings = settings(Dialect.OPENAI, KEY);
    server.close();
    ModelClient client =
        ModelClient.builder(settings)
            .retry(new RequestRetry(1, Duration.ZERO, Duration.ZERO))
            .sleeper(waits::add)
            .build();

    assertThatThrownBy(() -> client.chat(hello()))
        .isInstanceOf(ProviderUnavailable.class)
        .hasMessageContaining(
            "cannot connect to the OpenAI-compatible API at " + settings.baseUrl())
        .hasMessageContaining("check --base-url");
  }

  @Test
  void records_tokens_and_priced_cost_in_the_meter() throws Exception {
    CostMeter meter = new CostMeter(new BigDecimal("100"));
    ModelPrice price =
        new ModelPrice(
            new BigDecimal("3"),
            new BigDecimal("15"),
            new BigDecimal("0.3"),
            new BigDecimal("3.75"));
    ModelClient client =
        client(Dialect.ANTHROPIC, call -> Reply.text("hello"), meter, new RequestLimiter(4), price);

    ModelReply first = client.chat(hello());
    ModelReply second = client.chat(hello());

    assertThat(first.costUsd()).isEqualTo(price.cost(first.tokens()));
    CostMeter.Total total = meter.total();
    assertThat(total.requests()).isEqualTo(2);
    assertThat(total.tokens()).isEqualTo(first.tokens().plus(second.tokens()));
    assertThat(total.costUsd()).isEqualTo(first.costUsd().add(second.costUsd()));
  }

  @Test
  void holds_requests_beyond_the_limit_until_one_in_flight_returns() throws Exception {
    Semaphore gate = new Semaphore(0);
    ModelClient client =
        client(
            Dialect.OPENAI,
            call -> {
              gate.acquire();
              return Reply.text("ok");
            },
            CostMeter.unlimited(),
            new RequestLimiter(2),
            null);
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<ModelReply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(callers.submit(() -> client.chat(hello())));
      }
      for (int left = 6; left > 0; left--) {
        int expected = Math.min(2, left);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlight() == expected);
        gate.release();
      }
      for (Future<ModelReply> reply : replies) {
        assertThat(reply.get(10, TimeUnit.SECONDS).text()).isEqualTo("ok");
      }
      assertThat(server.maxInFlight()).isEqualTo(2);
    } finally {
      callers.shutdownNow();
    }
  }
}
