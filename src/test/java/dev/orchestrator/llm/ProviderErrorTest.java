package dev.orchestrator.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error bodies of the providers and the OpenAI-compatible servers, read tolerantly. */
class ProviderErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "anthropic | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_1\"} | overloaded_error: Overloaded",
        "openai quota | {\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}} | insufficient_quota: You exceeded your current quota",
        "llama.cpp | {\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}} | unavailable_error: Loading model",
        "vllm old | {\"object\":\"error\",\"message\":\"model not found\",\"type\":\"NotFoundError\",\"param\":null,\"code\":404} | NotFoundError: model not found",
        "not json | <html>Bad gateway</html> | <html>Bad gateway</html>",
      })
  void reads_type_and_message(String server, String body, String described) {
    assertThat(ProviderError.parse(body).describe()).isEqualTo(described);
  }
}
