package dev.orchestrator.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A non-2xx reply, with what LangChain4j's own {@link HttpException} drops: the server's {@code
 * retry-after}. Being an {@code HttpException}, LangChain4j still maps it by status code.
 */
final class ProviderHttpException extends HttpException {

  private final transient Duration retryAfter;

  /**
   * @param body the response body, as the server sent it
   * @param retryAfter the wait the server asked for, or null
   */
  ProviderHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  /** The wait the server asked for, or null when it sent none. */
  Duration retryAfter() {
    return retryAfter;
  }
}
