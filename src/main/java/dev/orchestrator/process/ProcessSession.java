package dev.orchestrator.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's own session, so that everything it starts can be ended with it, and it dies with the
 * orchestrator.
 *
 * <p>Where {@code setsid} and {@code /proc} exist (Linux), the agent runs as the leader of a new
 * session, behind a small shell that also starts a watchdog in that session: the watchdog reads a
 * pipe only this JVM holds open and, when the JVM dies however it dies ({@code kill -9} included),
 * sees the pipe close and kills the whole process group. When the agent exits or is cancelled,
 * {@link #end} kills every process still in its session: a background child must not write into the
 * task's output after its checksums were taken. Elsewhere the agent runs as it is and {@link #end}
 * kills its descendants, which is all the JDK can reach.
 */
final class ProcessSession {

  private static final Logger log = LoggerFactory.getLogger(ProcessSession.class);

  /** How long the processes of an ended agent may take to be gone. */
  private static final Duration GONE = Duration.ofSeconds(5);

  private static final Path PROC = Path.of("/proc");
  private static final Path SHELL = Path.of("/bin/sh");

  // $1 is the agent's standard input; fd 3 keeps the JVM's pipe for the watchdog only. A
  // background list reads /dev/null unless redirected, hence the explicit <&3.
  private static final String WRAPPER =
      "exec 3<&0; in=$1; shift;"
          + " { cat >/dev/null; kill -9 0; } <&3 >/dev/null 2>&1 &"
          + " exec \"$@\" <\"$in\" 3<&-";

  private final Path setsid;

  private ProcessSession(Path setsid) {
    this.setsid = setsid;
  }

  /** Sessions where this system has them, else plain child processes. */
  static ProcessSession forThisSystem() {
    for (Path candidate : List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))) {
      if (Files.isExecutable(candidate) && Files.isExecutable(SHELL) && Files.isDirectory(PROC)) {
        return new ProcessSession(candidate);
      }
    }
    return new ProcessSession(null);
  }

  /** Whether agents run in a session of their own with a watchdog on this JVM. */
  boolean isolated() {
    return setsid != null;
  }

  /**
   * The command line that starts the agent in its session. When {@link #isolated}, the caller gives
   * the process a standard input pipe it keeps open and never writes (the watchdog's), and the
   * agent's own standard input is {@code stdin}.
   *
   * @param stdin the agent's standard input file, or null for none
   */
  List<String> command(List<String> agent, Path stdin) {
    if (!isolated()) {
      return agent;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add(setsid.toString());
    wrapped.add(SHELL.toString());
    wrapped.add("-c");
    wrapped.add(WRAPPER);
    wrapped.add("agent-session");
    wrapped.add(stdin == null ? "/dev/null" : stdin.toString());
    wrapped.addAll(agent);
    return wrapped;
  }

  /**
   * Kills the agent and every process of its session (or its descendants), then waits a moment for
   * them to be gone. Safe to call when the agent already exited.
   *
   * @return how many processes the agent started were ended (besides our watchdog)
   */
  int end(Process agent) {
    Set<ProcessHandle> doomed = new LinkedHashSet<>(agent.descendants().toList());
    if (isolated()) {
      doomed.addAll(members(agent.pid()));
    }
    doomed.forEach(ProcessHandle::destroyForcibly);
    // Children started while the first ones were being killed.
    agent.descendants().forEach(doomed::add);
    if (isolated()) {
      doomed.addAll(members(agent.pid()));
    }
    doomed.forEach(ProcessHandle::destroyForcibly);
    // Through the handle: Process.destroyForcibly also closes the agent's output streams, which
    // would lose what it wrote just before it exited and the reader has not read yet.
    agent.toHandle().destroyForcibly();
    doomed.add(agent.toHandle());
    try {
      if (!awaitGone(doomed)) {
        log.warn("agent process {} or a process it started is still not gone", agent.pid());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The watchdog is one of them; it is ours, not something the agent left behind.
    return Math.max(0, doomed.size() - 1 - (isolated() ? 1 : 0));
  }

  // ProcessHandle.onExit polls a process that is not our child (the watchdog, the agent's own
  // children) with pauses that grow to seconds, which every agent call paid. A killed process that
  // its parent has not reaped yet (a zombie) can write nothing, so it counts as gone.
  private boolean awaitGone(Set<ProcessHandle> processes) throws InterruptedException {
    long deadline = System.nanoTime() + GONE.toNanos();
    long pause = 1;
    while (!processes.stream().allMatch(this::gone)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 50);
    }
    return true;
  }

  private boolean gone(ProcessHandle process) {
    if (!process.isAlive()) {
      return true;
    }
    String[] stat = isolated() ? stat(process.pid()) : null;
    return stat != null && stat[0].equals("Z");
  }

  // The live processes whose session is the agent's (its pid: it was the session's leader).
  private static List<ProcessHandle> members(long session) {
    List<ProcessHandle> members = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(h -> h.pid() != session && h.pid() != ProcessHandle.current().pid())
        .forEach(
            h -> {
              String[] stat = stat(h.pid());
              if (stat != null && stat.length > 3 && Long.parseLong(stat[3]) == session) {
                members.add(h);
              }
            });
    return members;
  }

  // The fields of /proc/<pid>/stat after "pid (comm) " (comm may hold anything): state, ppid,
  // pgrp, session, ...; null when the process ended while we looked.
  private static String[] stat(long pid) {
    try {
      String stat =
          Files.readString(
              PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }
}
