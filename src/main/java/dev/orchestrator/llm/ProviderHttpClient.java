package dev.orchestrator.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP transport under LangChain4j's model clients, on {@code java.net.http}. It differs from
 * LangChain4j's own JDK client in one way: a non-2xx reply becomes a {@link ProviderHttpException}
 * that keeps the {@code retry-after} header, so that {@link ModelClient}'s retries can honour it.
 * It sends what LangChain4j gives it and logs nothing, so keys in headers never reach a log.
 */
final class ProviderHttpClient implements HttpClient {

  private final java.net.http.HttpClient http;
  private final Duration readTimeout;

  private ProviderHttpClient(Builder builder) {
    java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
    if (builder.connectTimeout != null) {
      http.connectTimeout(builder.connectTimeout);
    }
    this.http = http.build();
    this.readTimeout = builder.readTimeout;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
    java.net.http.HttpRequest.Builder jdk =
        java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
    request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
    jdk.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    if (readTimeout != null) {
      jdk.timeout(readTimeout);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledRequest(e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw new ProviderHttpException(
          status,
          new String(response.body(), StandardCharsets.UTF_8),
          retryAfter(response.headers(), Instant.now()).orElse(null));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(status)
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  /** Streaming is not used: every request waits for the whole reply. */
  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("streaming requests are not used by the orchestrator");
  }

  /**
   * The wait a reply asks for: {@code retry-after-ms} (milliseconds), else {@code retry-after} in
   * seconds or as an HTTP date.
   */
  static Optional<Duration> retryAfter(java.net.http.HttpHeaders headers, Instant now) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      try {
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(millis.get().trim()))));
      } catch (NumberFormatException e) {
        // fall through to retry-after
      }
    }
    Optional<String> value = headers.firstValue("retry-after");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().trim();
    try {
      return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** The thread was interrupted while waiting for the reply; its interrupt flag is set again. */
  static final class CancelledRequest extends RuntimeException {
    CancelledRequest(InterruptedException cause) {
      super("the request was cancelled", cause);
    }
  }

  /** What LangChain4j's model builders are given; they set the timeouts. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return new ProviderHttpClient(this);
    }
  }
}
