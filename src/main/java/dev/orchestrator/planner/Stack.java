package dev.orchestrator.planner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages and frameworks a requirement names, for the user interface and for the rest of the
 * code: "a React frontend and a Spring Boot Java REST backend" is TypeScript (React) for the UI and
 * Java (Spring Boot) for the code. A side the requirement says nothing about is left to the agents.
 *
 * <p>What a named side changes: its tasks' directory claims hold only that language's files ({@code
 * src/server/**} becomes {@code src/server/**}{@code /*.java}), so the plan and the simulated
 * scaffolds follow the stack, and their descriptions name it.
 *
 * @param ui the user interface's language, or null when not named
 * @param code the language of everything else, or null when not named
 */
record Stack(Named ui, Named code) {

  /** No language named. */
  static final Stack NONE = new Stack(null, null);

  /** Which part of the stack a task's code belongs to. */
  enum Side {
    /** Screens, views and their tests. */
    UI,
    /** Servers, services, libraries, stages, game systems and their tests. */
    CODE,
    /** Not code of one language: schemas, migrations, configuration, documentation. */
    NONE
  }

  /** A language as the requirement names it ("Spring Boot Java"). */
  record Named(String extension, String words) {}

  // Tried in order; the first match of each side wins. React Native is both sides of a mobile app.
  private static final Pattern REACT_NATIVE = Keywords.of("react native");
  private static final Pattern UI_TSX = Keywords.of("react|next\\.js|nextjs");
  private static final Pattern UI_TS = Keywords.of("vue(?:\\.js)?|angular|svelte|typescript");
  private static final Pattern CODE_JAVA =
      Keywords.of("spring boot|spring|java|jakarta ee|quarkus|micronaut");
  private static final Pattern CODE_PYTHON =
      Keywords.of("python|django|flask|fastapi|pandas|pytorch|tensorflow|scikit-learn");
  private static final Pattern CODE_TS =
      Keywords.of("node(?:\\.?js)?|express(?:\\.js)?|nestjs|typescript|javascript|deno");

  /** The stack the text names. */
  static Stack of(String text) {
    Matcher native_ = REACT_NATIVE.matcher(text);
    if (native_.find()) {
      Named named = new Named("tsx", native_.group());
      Named code = codeOf(text);
      return new Stack(named, code != null ? code : new Named("ts", native_.group()));
    }
    Named ui = find(UI_TSX, "tsx", text);
    if (ui == null) {
      ui = find(UI_TS, "ts", text);
    }
    return new Stack(ui, codeOf(text));
  }

  private static Named codeOf(String text) {
    Named code = find(CODE_JAVA, "java", text);
    if (code == null) {
      code = find(CODE_PYTHON, "py", text);
    }
    return code != null ? code : find(CODE_TS, "ts", text);
  }

  private static Named find(Pattern pattern, String extension, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? new Named(extension, m.group()) : null;
  }

  /** The claim for a task of the side: a directory claim holds only the side's language. */
  String claim(Side side, String claim) {
    Named named = of(side);
    return named != null && claim.endsWith("/**") ? claim + "/*." + named.extension() : claim;
  }

  /** A sentence naming the side's stack for a task description, or nothing. */
  String advice(Side side) {
    Named named = of(side);
    return named == null ? "" : " Use " + named.words() + ", as the requirement asks.";
  }

  private Named of(Side side) {
    return side == Side.UI ? ui : side == Side.CODE ? code : null;
  }
}
