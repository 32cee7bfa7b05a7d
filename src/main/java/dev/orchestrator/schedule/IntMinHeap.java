package dev.orchestrator.schedule;

/**
 * A binary min-heap of task positions keyed by an array the caller owns: ranks (the ready queue,
 * the list scheduler) or end times (the list scheduler's running tasks). No boxing and no
 * allocation after construction, since the order search schedules hundreds of thousands of times. A
 * key must not change while its task is in the heap. Not thread-safe.
 */
final class IntMinHeap {

  private final int[] items;
  private int size;
  private int[] intKeys;
  private long[] longKeys;

  private IntMinHeap(int capacity) {
    this.items = new int[capacity];
  }

  /** A heap of up to {@code capacity} tasks ordered by {@code keys[task]}. */
  static IntMinHeap byInt(int capacity, int[] keys) {
    IntMinHeap heap = new IntMinHeap(capacity);
    heap.intKeys = keys;
    return heap;
  }

  /** A heap of up to {@code capacity} tasks ordered by {@code keys[task]}. */
  static IntMinHeap byLong(int capacity, long[] keys) {
    IntMinHeap heap = new IntMinHeap(capacity);
    heap.longKeys = keys;
    return heap;
  }

  /** Empties the heap and orders it by other keys from now on. */
  void reset(int[] keys) {
    size = 0;
    intKeys = keys;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The task with the lowest key; the heap must not be empty. */
  int peek() {
    return items[0];
  }

  /** The task at position {@code k} of the heap's array, for a scan in no particular order. */
  int at(int k) {
    return items[k];
  }

  void push(int task) {
    int at = size++;
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (key(items[parent]) <= key(task)) {
        break;
      }
      items[at] = items[parent];
      at = parent;
    }
    items[at] = task;
  }

  /** Removes and returns the task with the lowest key; the heap must not be empty. */
  int pop() {
    int top = items[0];
    int last = items[--size];
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && key(items[child + 1]) < key(items[child])) {
        child++;
      }
      if (key(items[child]) >= key(last)) {
        break;
      }
      items[at] = items[child];
      at = child;
    }
    if (size > 0) {
      items[at] = last;
    }
    return top;
  }

  private long key(int task) {
    return intKeys != null ? intKeys[task] : longKeys[task];
  }
}
