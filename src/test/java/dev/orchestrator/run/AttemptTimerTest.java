package dev.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** The time limit of an attempt; its ordinary outcomes are specified in {@link TaskAttemptTest}. */
class AttemptTimerTest {

  private final AlarmsThatRingAtOnce alarms = new AlarmsThatRingAtOnce();

  @AfterEach
  void stopAlarms() {
    alarms.shutdownNow();
  }

  // Spins, not latches: the race lasts tens of nanoseconds, so both threads must be running when
  // the alarm rings. A separate thread guards the time, since spinning ignores interrupts.
  @Test
  @Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
  void an_attempt_that_ends_as_its_alarm_rings_leaves_its_thread_uninterrupted() throws Exception {
    AttemptTimer timer = new AttemptTimer(Duration.ofMillis(1), alarms, () -> false);
    int interrupted = 0;
    // Well under a second here; on a starved machine fewer attempts, which still find the race.
    long enough = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (int attempt = 0; attempt < 20_000 && System.nanoTime() < enough; attempt++) {
      // Alarms that interrupt a little later each time, so some land inside the work's return
      // whatever this machine's speed.
      alarms.lateBy = attempt * 3L % 1_000;
      timer.call(
          () -> {
            while (!alarms.ringing) {
              Thread.onSpinWait();
            }
            return null;
          });
      while (!alarms.rung) {
        Thread.onSpinWait();
      }
      if (Thread.interrupted()) {
        interrupted++;
      }
    }
    assertThat(interrupted)
        .as("attempts whose thread was interrupted after they returned")
        .isZero();
  }

  /**
   * Alarms that ring as soon as they are set, on a thread that is already running (waking a thread
   * takes microseconds), and call the alarm {@link #lateBy} nanoseconds after they rang.
   */
  private static final class AlarmsThatRingAtOnce extends ScheduledThreadPoolExecutor {

    private final AtomicReference<Runnable> set = new AtomicReference<>();
    private final Thread ringer = new Thread(this::ring, "alarm-ringer");
    volatile long lateBy;
    volatile boolean ringing;
    volatile boolean rung;

    AlarmsThatRingAtOnce() {
      super(1);
      ringer.setDaemon(true);
      ringer.start();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable alarm, long delay, TimeUnit unit) {
      ringing = false;
      rung = false;
      set.set(alarm);
      // Cancelling this cannot stop the alarm: it rings before the work can return.
      return super.schedule(() -> {}, 1, TimeUnit.HOURS);
    }

    private void ring() {
      while (!isShutdown()) {
        Runnable alarm = set.getAndSet(null);
        if (alarm == null) {
          Thread.onSpinWait();
          continue;
        }
        long late = System.nanoTime() + lateBy;
        ringing = true;
        while (System.nanoTime() < late) {
          Thread.onSpinWait();
        }
        alarm.run();
        rung = true;
      }
    }
  }
}
