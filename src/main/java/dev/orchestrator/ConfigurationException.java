package dev.orchestrator;

/** The orchestrator is not set up for what was asked (no provider, no key, bad setting): exit 2. */
public class ConfigurationException extends UsageException {

  public ConfigurationException(String message) {
    super(message);
  }
}
