import { describe, expect, it } from 'vitest';
import { turnOrders } from '../bench/lib/turns.ts';

/** Who ran right before each subject, over all rounds (none for a round's opener). */
function predecessors(orders: number[][], subject: number): number[] {
  return orders.flatMap((order) => {
    const position = order.indexOf(subject);
    return position > 0 ? [order[position - 1]!] : [];
  });
}

describe('the bench takes turns', () => {
  it('so that every subject runs once in every round', () => {
    for (const order of turnOrders(5, 5)) expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('in every place once over as many rounds as subjects', () => {
    const orders = turnOrders(5, 5);
    for (let subject = 0; subject < 5; subject += 1) {
      expect(new Set(orders.map((order) => order.indexOf(subject))).size).toBe(5);
    }
  });

  it('after different neighbours, not after the same one every round', () => {
    const orders = turnOrders(5, 5);
    for (let subject = 0; subject < 5; subject += 1) {
      expect(new Set(predecessors(orders, subject)).size).toBeGreaterThanOrEqual(3);
    }
    // With three subjects, each follows both others.
    const three = turnOrders(3, 5);
    for (let subject = 0; subject < 3; subject += 1) {
      expect(new Set(predecessors(three, subject)).size).toBe(2);
    }
  });
});
