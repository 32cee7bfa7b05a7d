package dev.orchestrator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.LoggerFactory;

/**
 * Logback's configuration, in code: Logback finds it through {@code ServiceLoader} and then reads
 * no XML, which spares start-up the loading of its XML machinery (a third of the classes a short
 * command loaded). The command line prints progress itself and each run adds its own {@code
 * orchestrator.log} appender; standard error gets only errors, or warnings and info with {@code
 * --verbose}.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

  private static final String STDERR = "stderr";

  /** Called by Logback through {@code ServiceLoader}. */
  public LogConfiguration() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
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
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
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
