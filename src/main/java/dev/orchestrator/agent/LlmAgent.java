package dev.orchestrator.agent;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.orchestrator.llm.ModelClient;
import dev.orchestrator.llm.ModelReply;
import dev.orchestrator.llm.PromptCache;
import dev.orchestrator.llm.ProviderRejection;
import dev.orchestrator.llm.ProviderUnavailable;
import dev.orchestrator.usage.TokenUsage;
import dev.orchestrator.usage.Tokens;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor that codes with a language model: an agent loop in which the model writes the task's
 * files with tools ({@code write_file}, {@code read_file}, {@code list_files}, {@code finish}) for
 * at most {@code maxTurns} requests.
 *
 * <p>A model that answers in text instead, or a server that refuses tools, is read through its
 * fenced code blocks that name a path (see {@link FencedFiles}). Every write goes through the
 * task's {@link TaskWorkspace}; a refused path is reported back to the model, which may try again.
 * The prompt puts the requirement and the whole plan first, identical for every executor so that it
 * is cached, then the task and the files its dependencies produced, within a budget of tokens.
 *
 * <p>One instance per executor, as {@link Agent} says; the {@link ModelClient} is shared.
 */
public final class LlmAgent implements Agent {

  private static final Logger log = LoggerFactory.getLogger(LlmAgent.class);
  // Characters per token, roughly, for English text and code: enough to size a prompt section.
  private static final int CHARS_PER_TOKEN = 4;

  private final ModelClient client;
  private final int maxTurns;
  private final int dependencyTokens;

  /**
   * @param maxTurns the most model requests one attempt at a task may make, at least 1
   * @param dependencyTokens the most tokens the dependencies' files may take in the prompt
   */
  public LlmAgent(ModelClient client, int maxTurns, int dependencyTokens) {
    this.client = requireNonNull(client, "client");
    if (maxTurns < 1) {
      throw new IllegalArgumentException("maxTurns must be at least 1, was " + maxTurns);
    }
    if (dependencyTokens < 0) {
      throw new IllegalArgumentException(
          "dependencyTokens must not be negative, was " + dependencyTokens);
    }
    this.maxTurns = maxTurns;
    this.dependencyTokens = dependencyTokens;
  }

  @Override
  public AgentResult execute(TaskAssignment assignment) throws InterruptedException {
    return new Session(assignment).run();
  }

  /** One attempt at one task: the conversation and what it cost. */
  private final class Session {
    private final TaskAssignment assignment;
    private final DependencyFiles dependencies;
    private final FileTools tools;
    private final String dependencySection;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> written = new LinkedHashSet<>();
    private boolean toolMode = true;
    private Tokens tokens = Tokens.NONE;
    private BigDecimal cost = BigDecimal.ZERO;
    private int requests;

    Session(TaskAssignment assignment) {
      this.assignment = assignment;
      this.dependencies = DependencyFiles.of(assignment.dependencyOutputs());
      this.tools = new FileTools(assignment.task(), assignment.workspace(), dependencies);
      this.dependencySection = dependencies.render(dependencyTokens * CHARS_PER_TOKEN);
      messages.add(SystemMessage.from(ModelPrompts.system(assignment.plan())));
      messages.add(UserMessage.from(taskPrompt()));
    }

    AgentResult run() throws InterruptedException {
      String task = assignment.task().id();
      for (int turn = 1; turn <= maxTurns; turn++) {
        assignment.progress().report("model turn " + turn, -1);
        ModelReply reply = ask();
        AiMessage message = reply.message();
        if (message.hasToolExecutionRequests()) {
          messages.add(message);
          String summary = callTools(message.toolExecutionRequests());
          if (summary != null) {
            return result(summary.isBlank() ? "finished " + task : summary, turn);
          }
          continue;
        }
        if (!reply.text().isBlank()) {
          messages.add(message);
        }
        List<String> refused = writeFencedFiles(reply.text());
        if (reply.cutOff()) {
          messages.add(UserMessage.from(ModelPrompts.cutOff(List.copyOf(written))));
        } else if (!refused.isEmpty()) {
          messages.add(UserMessage.from(ModelPrompts.refused(refused)));
        } else if (written.isEmpty()) {
          messages.add(UserMessage.from(ModelPrompts.nothingWritten(toolMode)));
        } else {
          // A complete answer in text after files were written: the model is done.
          return result(firstLine(reply.text(), "finished " + task), turn);
        }
      }
      throw new AgentException(
          task
              + " did not finish within "
              + maxTurns
              + " model turns ("
              + written.size()
              + " files written); raise --max-turns or split the task",
          false,
          null,
          spent());
    }

    // Sends the conversation, marking its newest message as the end of the cached prefix.
    private ModelReply ask() throws InterruptedException {
      List<ChatMessage> request = new ArrayList<>(messages);
      request.set(request.size() - 1, PromptCache.markEnd(request.get(request.size() - 1)));
      ChatRequest.Builder chat = ChatRequest.builder().messages(request);
      if (toolMode) {
        chat.toolSpecifications(FileTools.SPECIFICATIONS);
      }
      ModelReply reply;
      try {
        reply = client.chat(chat.build());
      } catch (ProviderRejection e) {
        if (toolMode && requests == 0 && refusesTools(e)) {
          log.warn(
              "{} refuses tool calls; {} continues with code blocks in text: {}",
              client.settings().describe(),
              assignment.task().id(),
              e.getMessage());
          toolMode = false;
          messages.set(1, UserMessage.from(taskPrompt()));
          return ask();
        }
        throw new AgentException(e.getMessage(), false, e, spent());
      } catch (ProviderUnavailable e) {
        throw new AgentException(e.getMessage(), true, e, spent());
      }
      requests++;
      tokens = tokens.plus(reply.tokens());
      cost = cost == null || reply.costUsd() == null ? null : cost.add(reply.costUsd());
      return reply;
    }

    // Runs the calls of one turn; returns the summary when the model called finish, else null.
    private String callTools(List<ToolExecutionRequest> calls) {
      String summary = null;
      for (ToolExecutionRequest call : calls) {
        FileTools.Outcome outcome = tools.execute(call);
        messages.add(outcome.message());
        if (outcome.written() != null) {
          assignment.progress().report("wrote " + outcome.written(), -1);
          written.add(outcome.written());
        }
        if (outcome.finished() != null) {
          summary = outcome.finished();
        }
      }
      if (summary != null && written.isEmpty()) {
        // A finish before any file: the task cannot be done yet.
        messages.add(UserMessage.from(ModelPrompts.nothingWritten(toolMode)));
        return null;
      }
      return summary;
    }

    private List<String> writeFencedFiles(String text) {
      List<String> refused = new ArrayList<>();
      for (FencedFiles.File file : FencedFiles.parse(text)) {
        assignment.progress().report("writing " + file.path(), -1);
        String problem = tools.writeFile(file.path(), file.content());
        if (problem == null) {
          written.add(file.path());
        } else {
          refused.add(problem);
        }
      }
      return refused;
    }

    private String taskPrompt() {
      return ModelPrompts.task(assignment.task(), assignment.plan(), dependencySection, toolMode);
    }

    // What the requests answered so far cost; null before the first.
    private TokenUsage spent() {
      return requests == 0 ? null : new TokenUsage(tokens, cost);
    }

    private AgentResult result(String summary, int turns) {
      TokenUsage usage = new TokenUsage(tokens, cost);
      return new AgentResult(
          summary,
          usage,
          Map.of(
              "model", client.settings().model(),
              "provider", client.settings().provider().id(),
              "turns", Integer.toString(turns),
              "requests", Integer.toString(requests),
              "mode", toolMode ? "tools" : "text"));
    }
  }

  private static boolean refusesTools(ProviderRejection e) {
    return e.statusCode() == 400 && e.getMessage().toLowerCase(Locale.ROOT).contains("tool");
  }

  private static String firstLine(String text, String fallback) {
    for (String line : text.split("\\R")) {
      if (!line.isBlank() && !line.strip().startsWith("```")) {
        return line.strip();
      }
    }
    return fallback;
  }
}
