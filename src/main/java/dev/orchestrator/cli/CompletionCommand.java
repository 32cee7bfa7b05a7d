package dev.orchestrator.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orchestrator completion [bash|zsh]}: the shell completion script, from the commands. */
@Command(
    name = "completion",
    aliases = "generate-completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script (bash, zsh).",
      "It completes commands, options, and values such as planner names.",
      "bash: source <(orchestrator completion bash), or save it in",
      "      ~/.local/share/bash-completion/completions/orchestrator",
      "zsh:  source <(orchestrator completion zsh) in ~/.zshrc",
      "One script serves both: under zsh it loads bashcompinit."
    })
final class CompletionCommand implements Callable<Integer> {

  /** The shells the script is for. */
  enum Shell {
    BASH,
    ZSH;

    @Override
    public String toString() {
      return KindConverter.label(this);
    }
  }

  @ParentCommand OrchestratorCommand parent;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      arity = "0..1",
      defaultValue = "bash",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Shell shell;

  @Override
  public Integer call() {
    parent.out.print(AutoComplete.bash("orchestrator", spec.root().commandLine()));
    parent.out.flush();
    return Cli.OK;
  }
}
