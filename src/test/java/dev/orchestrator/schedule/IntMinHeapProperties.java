package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class IntMinHeapProperties {

  @Property
  void pops_tasks_in_key_order_whatever_order_they_were_pushed(
      @ForAll @Size(max = 200) List<Long> keys) {
    long[] key = keys.stream().mapToLong(Long::longValue).toArray();
    IntMinHeap heap = IntMinHeap.byLong(key.length, key);
    for (int t = key.length - 1; t >= 0; t--) {
      heap.push(t);
    }

    List<Long> popped = new ArrayList<>();
    while (!heap.isEmpty()) {
      popped.add(key[heap.pop()]);
    }

    assertThat(popped).isSorted().hasSize(key.length);
  }

  @Property
  void a_reset_heap_orders_by_its_new_keys(@ForAll @Size(min = 1, max = 100) List<Integer> keys) {
    int[] key = keys.stream().mapToInt(Integer::intValue).toArray();
    IntMinHeap heap = IntMinHeap.byInt(key.length, new int[key.length]);
    heap.push(0);
    heap.reset(key);
    for (int t = 0; t < key.length; t++) {
      heap.push(t);
    }

    List<Integer> popped = new ArrayList<>();
    while (!heap.isEmpty()) {
      popped.add(key[heap.pop()]);
    }

    assertThat(popped).isSorted().hasSize(key.length);
  }
}
