package dev.orchestrator.cli;

import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Secrets;
import dev.orchestrator.llm.ApiKey;
import dev.orchestrator.llm.Provider;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Settings that do not come from the command line: the environment and a config file. The one place
 * that reads them; everything below {@code cli} is given values.
 *
 * <p>Every long option can be set without typing it, by the same name: {@code --max-cost 2} is
 * {@code ORCHESTRATOR_MAX_COST=2} in the environment or {@code max-cost=2} in the file. The command
 * line wins over the environment, which wins over the file. API keys are read from {@code
 * ANTHROPIC_API_KEY} and {@code OPENAI_API_KEY}, else from {@code anthropic-api-key} and {@code
 * openai-api-key} in the file; there is no key option, so keys stay out of shell histories and
 * process lists.
 *
 * <p>The config file is the first that exists of: {@code $ORCHESTRATOR_CONFIG} (which then must
 * exist), {@code ./orchestrator.properties}, {@code
 * $XDG_CONFIG_HOME/orchestrator/config.properties} (by default {@code
 * ~/.config/orchestrator/config.properties}). It is a Java properties file.
 */
final class Settings implements CommandLine.IDefaultValueProvider {

  static final String ENVIRONMENT_PREFIX = "ORCHESTRATOR_";
  static final String CONFIG_VARIABLE = "ORCHESTRATOR_CONFIG";
  static final String LOCAL_FILE = "orchestrator.properties";
  static final String WHERE = "./" + LOCAL_FILE + " or ~/.config/orchestrator/config.properties";
  private static final String KEY_SUFFIX = "-api-key";

  private final Map<String, String> environment;
  private final Properties file;
  private final Path filePath;
  private final CommandSpec ignored;

  private Settings(
      Map<String, String> environment, Properties file, Path filePath, CommandSpec ignored) {
    this.environment = Map.copyOf(environment);
    this.file = file;
    this.filePath = filePath;
    this.ignored = ignored;
  }

  /**
   * Reads the config file, if any.
   *
   * @throws ConfigurationException if {@code ORCHESTRATOR_CONFIG} names a missing file or the file
   *     cannot be read
   */
  static Settings load(Map<String, String> environment, Path workingDirectory) {
    Path path = configFile(environment, workingDirectory);
    Properties properties = new Properties();
    if (path != null) {
      try (Reader reader = Files.newBufferedReader(path)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigurationException(
            "cannot read the config file " + path + " (" + e.getMessage() + "); fix or remove it");
      }
    }
    return new Settings(environment, properties, path, null);
  }

  private static Path configFile(Map<String, String> environment, Path workingDirectory) {
    String named = environment.get(CONFIG_VARIABLE);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named.strip());
      if (!Files.isRegularFile(path)) {
        throw new ConfigurationException(
            CONFIG_VARIABLE + " names " + path + ", which is not a file; fix the path or unset it");
      }
      return path;
    }
    Path local = workingDirectory.resolve(LOCAL_FILE);
    if (Files.isRegularFile(local)) {
      return local;
    }
    String configHome = environment.get("XDG_CONFIG_HOME");
    String home = environment.get("HOME");
    Path base =
        configHome != null && !configHome.isBlank()
            ? Path.of(configHome)
            : home != null && !home.isBlank() ? Path.of(home, ".config") : null;
    Path user = base == null ? null : base.resolve("orchestrator").resolve("config.properties");
    return user != null && Files.isRegularFile(user) ? user : null;
  }

  /**
   * The settings a command line was built with.
   *
   * @param spec any command of it, or a mixin's mixee
   */
  static Settings of(CommandSpec spec) {
    // Through the command line, not spec.root(): a nested mixin's MIXEE is its own detached spec.
    if (spec.commandLine().getCommandSpec().root().defaultValueProvider()
        instanceof Settings settings) {
      return settings;
    }
    throw new IllegalStateException("the command line was built without its settings");
  }

  /**
   * These settings for a command line that runs a subcommand of {@code command}: they give none of
   * its own options a value. Picocli reads the main command's options even when a subcommand
   * follows, and a setting meant for the main command ({@code ORCHESTRATOR_RETRIES=x}) must not
   * fail {@code plan}, which has no retries.
   */
  Settings exceptOptionsOf(CommandSpec command) {
    return new Settings(environment, file, filePath, command);
  }

  /** The value of an option that the command line did not give, or null. */
  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)
        || !settable(option)
        || (ignored != null && option.command() == ignored)) {
      return null;
    }
    String name = settingName(option);
    String fromEnvironment = environment.get(variableName(name));
    return fromEnvironment != null ? fromEnvironment : file.getProperty(name);
  }

  /**
   * Where the value of an option not on the command line comes from: {@code
   * ORCHESTRATOR_MAX_EXECUTORS in the environment}, {@code max-executors in FILE}, or null.
   */
  String origin(OptionSpec option) {
    if (!settable(option)) {
      return null;
    }
    String name = settingName(option);
    if (environment.get(variableName(name)) != null) {
      return variableName(name) + " in the environment";
    }
    return file.getProperty(name) != null ? name + " in " + filePath : null;
  }

  /** A provider's key: its environment variable, else its entry in the config file. */
  Optional<ApiKey> key(Provider provider) {
    String fromEnvironment = environment.get(provider.keyVariable());
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(new ApiKey(fromEnvironment, provider.keyVariable()));
    }
    String name = provider.id() + KEY_SUFFIX;
    String fromFile = file.getProperty(name);
    if (fromFile != null && !fromFile.isBlank()) {
      return Optional.of(new ApiKey(fromFile, name + " in " + filePath));
    }
    return Optional.empty();
  }

  /** The secrets of the environment and of the config file's keys, to mask in all output. */
  Secrets secrets() {
    List<String> fromFile = new ArrayList<>();
    file.stringPropertyNames().stream()
        .filter(name -> name.endsWith(KEY_SUFFIX))
        .forEach(name -> fromFile.add(file.getProperty(name)));
    return Secrets.of(environment, fromFile);
  }

  /** The environment, for the look-ups of command-line agents (PATH). */
  Map<String, String> environment() {
    return environment;
  }

  /** The settings that options and keys have: the same for every command line of the JVM. */
  private static volatile Set<String> knownSettings;

  /**
   * Rejects settings in the config file that no option or key has, so a typo does not go unnoticed.
   *
   * @param root the main command of the whole command tree, built only when the file has settings
   *     and the JVM has not yet collected the known ones
   * @throws ConfigurationException naming the unknown settings and the known ones
   */
  void requireKnownSettings(Supplier<CommandSpec> root) {
    if (file.isEmpty()) {
      return; // no file, or nothing in it
    }
    Set<String> known = knownSettings;
    if (known == null) {
      known = new TreeSet<>();
      collect(root.get(), known);
      for (Provider provider : Provider.values()) {
        known.add(provider.id() + KEY_SUFFIX);
      }
      known = Collections.unmodifiableSet(known);
      knownSettings = known;
    }
    Set<String> unknown = new TreeSet<>(file.stringPropertyNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new ConfigurationException(
          "the config file "
              + filePath
              + " has unknown settings "
              + unknown
              + "; use option names without dashes, e.g. max-cost=2, or one of "
              + known);
    }
  }

  private static void collect(CommandSpec command, Set<String> names) {
    for (OptionSpec option : command.options()) {
      if (settable(option)) {
        names.add(settingName(option));
      }
    }
    command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), names));
  }

  private static boolean settable(OptionSpec option) {
    return option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp();
  }

  /** {@code --max-cost} is {@code max-cost} in the file. */
  static String settingName(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  /** {@code max-cost} is {@code ORCHESTRATOR_MAX_COST} in the environment. */
  static String variableName(String setting) {
    return ENVIRONMENT_PREFIX + setting.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
