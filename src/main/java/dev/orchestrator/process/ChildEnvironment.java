package dev.orchestrator.process;

import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment the programs we start get from ours: an allow-list, not our whole environment
 * less what looks like a secret. A secret's name cannot be guessed ({@code PGPASSWORD}, {@code
 * MYSQL_PWD}, {@code DATABASE_URL} with a password in it, {@code SLACK_WEBHOOK_URL}), so agents and
 * the tests they wrote get only what programs need to run: the search path, home and user, the
 * terminal and locale, the time zone, the temporary directory, proxies and certificates, and the
 * toolchains' own settings (Java, Maven, Gradle, Python, Node, Go, Rust). Everything else reaches
 * an agent only when the user names it ({@code --agent-env NAME} or {@code NAME=VALUE}).
 *
 * <p>Even an allowed name is left out when it says it holds a secret ({@link Secrets#isSecretName},
 * e.g. {@code PYTHON_KEYRING_PASSWORD}), unless the user names it.
 */
public final class ChildEnvironment {

  /** Variables a child gets by exact name (proxies and locale in both cases programs read). */
  static final Set<String> NAMES =
      Set.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "TERM",
          "COLORTERM",
          "NO_COLOR",
          "LANG",
          "LANGUAGE",
          "TZ",
          "TMPDIR",
          "TMP",
          "TEMP",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "ALL_PROXY",
          "NO_PROXY",
          "SSL_CERT_FILE",
          "SSL_CERT_DIR",
          "REQUESTS_CA_BUNDLE",
          "CURL_CA_BUNDLE",
          "XDG_CONFIG_HOME",
          "XDG_CACHE_HOME",
          "XDG_DATA_HOME",
          "XDG_RUNTIME_DIR",
          "JAVA_HOME",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "MAVEN_HOME",
          "M2_HOME",
          "MAVEN_OPTS",
          "MAVEN_ARGS",
          "GRADLE_HOME",
          "GRADLE_USER_HOME",
          "GRADLE_OPTS",
          "VIRTUAL_ENV",
          "CONDA_PREFIX",
          "CONDA_DEFAULT_ENV",
          "PYENV_ROOT",
          "NVM_DIR",
          "NPM_CONFIG_CACHE",
          "NPM_CONFIG_PREFIX",
          "NPM_CONFIG_REGISTRY",
          "GOROOT",
          "GOPATH",
          "GOCACHE",
          "GOMODCACHE",
          "GOFLAGS",
          "GOPROXY",
          "GOPRIVATE",
          "GONOSUMDB",
          "GOTOOLCHAIN",
          "CARGO_HOME",
          "CARGO_TARGET_DIR",
          "RUSTUP_HOME",
          "RUSTUP_TOOLCHAIN",
          "RUSTFLAGS");

  /** Prefixes of names a child gets: locale categories, Python's and Node's own settings. */
  static final Set<String> PREFIXES = Set.of("LC_", "PYTHON", "NODE_");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ChildEnvironment() {}

  /**
   * The environment of an agent: the allow-list, plus what the user passes on.
   *
   * @param environment ours
   * @param passed {@code NAME} (pass our value on, whatever the name) or {@code NAME=VALUE} (set
   *     it), as given to {@code --agent-env}
   * @throws UsageException if an entry is not a variable's name
   */
  public static Map<String, String> forAgents(
      Map<String, String> environment, Collection<String> passed) {
    Map<String, String> child = allowed(environment);
    for (String entry : passed) {
      int equals = entry.indexOf('=');
      String name = equals < 0 ? entry.strip() : entry.substring(0, equals).strip();
      if (!NAME.matcher(name).matches()) {
        throw new UsageException(
            "--agent-env "
                + entry
                + " is not a variable; give a name (--agent-env PGPASSWORD) or a name and a value"
                + " (--agent-env DEBUG=1)");
      }
      if (equals >= 0) {
        child.put(name, entry.substring(equals + 1));
      } else if (environment.containsKey(name)) {
        child.put(name, environment.get(name));
      }
    }
    return Map.copyOf(child);
  }

  /** The environment of the verify step's test commands: the allow-list alone. */
  public static Map<String, String> forTests(Map<String, String> environment) {
    return Map.copyOf(allowed(environment));
  }

  /** Whether a variable of ours reaches a child without being named. */
  public static boolean isAllowed(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    boolean listed = NAMES.contains(upper) || PREFIXES.stream().anyMatch(p -> upper.startsWith(p));
    return listed && !Secrets.isSecretName(name);
  }

  private static Map<String, String> allowed(Map<String, String> environment) {
    Map<String, String> child = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (isAllowed(name)) {
            child.put(name, value);
          }
        });
    return child;
  }
}
