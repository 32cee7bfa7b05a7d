package dev.orchestrator.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Why one attempt of a model request failed, sorted into transient (worth repeating) or permanent,
 * with a message that names the provider and what to check. Messages never contain the key: text
 * from the provider is scrubbed.
 *
 * @param statusCode the HTTP status, or 0 when there was no answer
 * @param retryAfter the wait the server asked for, or null
 */
record RequestFailure(
    boolean transientFailure, int statusCode, Duration retryAfter, String message) {

  /** Sorts a failure of {@code ChatModel.chat} for the provider of {@code settings}. */
  static RequestFailure of(Throwable thrown, ProviderSettings settings) {
    String api = settings.describe();
    HttpException http = find(thrown, HttpException.class);
    if (http != null) {
      Duration retryAfter = http instanceof ProviderHttpException p ? p.retryAfter() : null;
      return ofStatus(
          http.statusCode(), ProviderError.parse(http.getMessage()), retryAfter, settings);
    }
    if (find(thrown, HttpTimeoutException.class) != null
        || find(thrown, TimeoutException.class) != null) {
      return transientFailure(
          0,
          null,
          api
              + " did not answer within "
              + seconds(settings.requestTimeout())
              + "; raise --request-timeout if replies take longer");
    }
    if (find(thrown, UnresolvedModelServerException.class) != null) {
      return permanent(0, "cannot resolve the host of " + api + "; check --base-url");
    }
    ConnectException refused = find(thrown, ConnectException.class);
    if (refused != null) {
      return transientFailure(
          0,
          null,
          "cannot connect to "
              + api
              + " ("
              + refused
              + "); check --base-url and that the server runs");
    }
    JsonProcessingException unreadable = find(thrown, JsonProcessingException.class);
    if (unreadable != null) {
      return transientFailure(
          0,
          null,
          api + " sent a reply that could not be read (" + unreadable.getOriginalMessage() + ")");
    }
    IOException io = find(thrown, IOException.class);
    if (io != null) {
      return transientFailure(0, null, "the connection to " + api + " failed (" + io + ")");
    }
    return transientFailure(0, null, api + " sent a reply that could not be read (" + thrown + ")");
  }

  private static RequestFailure ofStatus(
      int status, ProviderError error, Duration retryAfter, ProviderSettings settings) {
    String api = settings.describe();
    String detail =
        " (" + status + (error.describe().isEmpty() ? "" : " " + error.describe()) + ")";
    ApiKey key = settings.apiKey();
    switch (status) {
      case 401:
        return permanent(
            status,
            key == null
                ? api + " requires a key" + detail + ": set " + settings.provider().keyVariable()
                : api + " rejected the key" + detail + ": check " + key.source());
      case 402:
        return permanent(
            status, api + " refused for billing reasons" + detail + "; check your account");
      case 403:
        return permanent(
            status,
            api
                + " refused access"
                + detail
                + "; check that the key"
                + (key == null ? "" : " from " + key.source())
                + " may use model "
                + settings.model());
      case 404:
        return permanent(
            status,
            api
                + " knows no model \""
                + settings.model()
                + "\" or no such endpoint"
                + detail
                + "; check --model and --base-url");
      case 408:
      case 409:
        return transientFailure(status, retryAfter, api + " asked to repeat the request" + detail);
      case 429:
        if (error.quotaExhausted()) {
          return permanent(
              status, api + " has no quota left" + detail + "; check your plan and limits");
        }
        return transientFailure(
            status,
            retryAfter,
            api + " limited the rate" + detail + "; lower --max-concurrent-requests or try later");
      case 529:
        return transientFailure(status, retryAfter, api + " is overloaded" + detail);
      default:
        if (status >= 500) {
          return transientFailure(status, retryAfter, api + " failed on its side" + detail);
        }
        return permanent(status, api + " rejected the request" + detail);
    }
  }

  /**
   * The exception a caller sees after the last attempt. An HTTP failure keeps no cause: the cause's
   * message is the raw response body, which may echo part of the key.
   */
  RuntimeException toException(int attempts, Throwable cause, ApiKey key) {
    if (!transientFailure) {
      return new ProviderRejection(scrub(message, key), statusCode);
    }
    String text = message + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
    return new ProviderUnavailable(scrub(text, key), statusCode == 0 ? cause : null);
  }

  private static String scrub(String text, ApiKey key) {
    return key == null ? text : key.scrub(text);
  }

  private static RequestFailure transientFailure(int status, Duration retryAfter, String message) {
    return new RequestFailure(true, status, retryAfter, message);
  }

  private static RequestFailure permanent(int status, String message) {
    return new RequestFailure(false, status, null, message);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() / 1000.0 + "s";
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
