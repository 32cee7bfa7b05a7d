package dev.orchestrator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.LoggerFactory;

/**
 * The command line's logging, set up in code by {@link Main} and nowhere else: a program that
 * embeds the orchestrator as a library keeps its own Logback configuration. The command line prints
 * progress itself and each run adds its own {@code orchestrator.log} appender; standard error gets
 * only errors, or warnings and info with {@code --verbose}. In code rather than in a {@code
 * logback.xml}, which spares start-up the loading of Logback's XML machinery.
 */
final class LogConfiguration {

  private static final String STDERR = "stderr";

  private LogConfiguration() {}

  /** Replaces whatever Logback configured by default; a no-op under another SLF4J backend. */
  static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    context.getStatusManager().add(new NopStatusListener());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger{20} - %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(STDERR);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.addFilter(threshold(context, Level.ERROR));
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
  }

  /** Lets info and warnings through to standard error too: {@code --verbose}. */
  static void verbose() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(STDERR) != null) {
      var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(STDERR);
      appender.clearAllFilters();
      appender.addFilter(threshold(context, Level.INFO));
    }
  }

  private static ThresholdFilter threshold(LoggerContext context, Level level) {
    ThresholdFilter filter = new ThresholdFilter();
    filter.setContext(context);
    filter.setLevel(level.levelStr);
    filter.start();
    return filter;
  }
}
