// Runs jobs with at most `size` of them in flight, reporting each as it ends.
// Each lane takes the next item when its last one ends; `work` is told which
// lane (0 … size-1) runs it.
export async function runPool<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T, lane: number) => Promise<R>,
  onDone: (item: T, result: R) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (_: unknown, laneIndex: number): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      const result = await work(item, laneIndex);
      results[index] = result;
      onDone(item, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, lane));
  return results;
}
