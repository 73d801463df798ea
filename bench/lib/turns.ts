/**
 * The order subjects take their turns in, for each round of one workload.
 *
 * A turn is not independent of the one before it: a writer leaves the database in a state the
 * next one starts from, even after settleAfterWrites. Measured with two subjects writing W4 in
 * alternation, the DataLoader baseline ran at 764–865 req/s in the turns right after the API's and
 * at 913–1,101 in the turns right after its own, while the API ran at 1,030–1,068 after either.
 * Rotating one fixed order keeps the cycle, so every subject followed the same neighbour in all
 * rounds but the one it opened. Here each round takes, of all orders, the one that repeats least
 * what earlier rounds did: a subject right after the same neighbour, or in the same place.
 *
 * @returns for each round, the indices of the subjects in the order they run.
 */
export function turnOrders(subjects: number, rounds: number): number[][] {
  const seen = new Map<string, number>();
  const timesSeen = (key: string) => seen.get(key) ?? 0;
  // What running `order` would repeat: each subject's place and the subject right before it. A
  // place counts double: over n rounds each subject can have every place once, but (for odd n)
  // not every neighbour.
  const traits = (order: number[]) =>
    order.flatMap((index, position) => [
      { key: `${index}@${position}`, weight: 2 },
      ...(position > 0 ? [{ key: `${order[position - 1]}>${index}`, weight: 1 }] : []),
    ]);
  const repeats = (order: number[]) =>
    traits(order).reduce((sum, { key, weight }) => sum + weight * timesSeen(key), 0);
  const candidates = permutations(Array.from({ length: subjects }, (_, index) => index));
  const orders: number[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Ties go to the order opening with the subject the plain rotation would open with.
    const opensAfterRotation = (order: number[]) => (((order[0]! - round) % subjects) + subjects) % subjects;
    const order = [...candidates].sort(
      (a, b) => repeats(a) - repeats(b) || opensAfterRotation(a) - opensAfterRotation(b),
    )[0]!;
    for (const { key } of traits(order)) seen.set(key, timesSeen(key) + 1);
    orders.push(order);
  }
  return orders;
}

/** Every order of `items`, the given order first (a handful of subjects: 120 orders for five). */
function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
