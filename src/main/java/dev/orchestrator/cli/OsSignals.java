package dev.orchestrator.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles operating-system signals through {@code sun.misc.Signal}, the only JDK way to keep the
 * process alive on SIGINT and SIGTERM. It is reached by reflection because javac warns about every
 * direct use of the internal API and the build treats warnings as errors. Where the class is
 * missing the JVM's default handling stays (the process ends; a later resume finishes the run).
 */
final class OsSignals {

  private static final Logger log = LoggerFactory.getLogger(OsSignals.class);

  private OsSignals() {}

  /**
   * Runs {@code action} on the signal's own thread each time the named signal ({@code "INT"},
   * {@code "TERM"}) arrives.
   */
  static void handle(String name, Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object proxy =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (self, method, args) -> {
                if (method.getName().equals("handle")) {
                  action.run();
                  return null;
                }
                return method.invoke(action, args); // toString, equals, hashCode
              });
      Method handle = signal.getMethod("handle", signal, handler);
      handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("cannot handle SIG{}: the JVM's default applies ({})", name, e.toString());
    }
  }
}
