package dev.orchestrator.run;

import static java.nio.charset.StandardCharsets.UTF_8;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.orchestrator.Secrets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends what a run logs to {@code orchestrator.log} in its output directory, with a timestamp on
 * every line. What the run logs is what the thread that opened the file logs, and every thread
 * started from it while the file is open (executors, the event thread, agents' output readers, an
 * engine's workers), as they inherit the run from it; other threads of the JVM, another run's or
 * the host application's, do not write here. The levels are Logback's as the application configured
 * them (the command line: info). Closing, on the thread that opened it, detaches the file. When the
 * application logs through another SLF4J backend than Logback, the log file is left to that
 * backend's configuration.
 */
final class RunLogFile implements AutoCloseable {

  // The run log a thread works for; a thread started by it inherits it.
  private static final InheritableThreadLocal<RunLogFile> CURRENT = new InheritableThreadLocal<>();

  private final FileAppender<ILoggingEvent> appender;
  private final Logger root;
  private final RunLogFile enclosing;
  // Threads of a closed run that live on (a pool started during the run) no longer write here.
  private volatile boolean open = true;

  private RunLogFile(FileAppender<ILoggingEvent> appender, Logger root) {
    this.appender = appender;
    this.root = root;
    this.enclosing = CURRENT.get();
  }

  /**
   * Opens the log on the calling thread.
   *
   * @param secrets masked in every line written
   */
  static RunLogFile open(Path file, boolean append, Secrets secrets) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return new RunLogFile(null, null);
    }
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
    RunLogFile log = new RunLogFile(appender, context.getLogger(Logger.ROOT_LOGGER_NAME));
    Filter<ILoggingEvent> ownThreads =
        new Filter<>() {
          @Override
          public FilterReply decide(ILoggingEvent event) {
            return log.open && CURRENT.get() == log ? FilterReply.NEUTRAL : FilterReply.DENY;
          }
        };
    ownThreads.setContext(context);
    ownThreads.start();
    appender.addFilter(ownThreads);
    appender.start();
    CURRENT.set(log);
    log.root.addAppender(appender);
    return log;
  }

  /**
   * The action, logging into the calling thread's run log on whatever thread it runs: for what a
   * thread outside the run (a signal handler cancelling it) does on the run's behalf.
   */
  static Runnable bound(Runnable action) {
    RunLogFile log = CURRENT.get();
    return () -> {
      RunLogFile before = CURRENT.get();
      CURRENT.set(log);
      try {
        action.run();
      } finally {
        CURRENT.set(before);
      }
    };
  }

  @Override
  public void close() {
    if (appender != null) {
      open = false;
      CURRENT.set(enclosing);
      root.detachAppender(appender);
      appender.stop();
    }
  }
}
