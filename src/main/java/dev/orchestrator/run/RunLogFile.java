package dev.orchestrator.run;

import static java.nio.charset.StandardCharsets.UTF_8;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.orchestrator.Secrets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends everything logged during a run to {@code orchestrator.log} in its output directory, with a
 * timestamp on every line. Closing detaches the file. When the application logs through another
 * SLF4J backend than Logback, the log file is left to that backend's configuration.
 */
final class RunLogFile implements AutoCloseable {

  private final FileAppender<ILoggingEvent> appender;
  private final Logger root;

  private RunLogFile(FileAppender<ILoggingEvent> appender, Logger root) {
    this.appender = appender;
    this.root = root;
  }

  /**
   * @param secrets masked in every line written
   */
  static RunLogFile open(Path file, boolean append, Secrets secrets) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
      return new RunLogFile(null, null);
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder =
        new PatternLayoutEncoder() {
          @Override
          public byte[] encode(ILoggingEvent event) {
            byte[] line = super.encode(event);
            return secrets.isEmpty() ? line : secrets.mask(new String(line, UTF_8)).getBytes(UTF_8);
          }
        };
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{20} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("run-" + file);
    appender.setFile(file.toString());
    appender.setAppend(append);
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    return new RunLogFile(appender, root);
  }

  @Override
  public void close() {
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
    }
  }
}
