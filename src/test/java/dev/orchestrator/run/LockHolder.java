package dev.orchestrator.run;

import java.nio.file.Path;

/** A second process for {@link RunDirectoryLockTest}: locks a run directory until killed. */
final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    RunDirectoryLock lock = RunDirectoryLock.acquire(Path.of(args[0]));
    System.out.println("locked");
    System.out.flush();
    System.in.read(); // holds the lock until its standard input closes, or it is killed
    lock.close();
  }
}
