import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';

/** One benchmark workload: what every subject is asked, as a GraphQL request. */
export interface Workload {
  name: 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
  title: string;
  /** The GraphQL document, from bench/workloads/<name>.graphql. */
  query: string;
  /** Builds the request body for one request; W4 draws a new random pair each time. */
  body: (random: () => number) => { operationName?: string; variables?: Record<string, unknown> };
  /** Reads only, so every subject must return the same data for it. */
  readOnly: boolean;
  /** Sent signed in as the bench admin, who administers every group: W4's mutations need one. */
  signedIn: boolean;
}

export interface DataShape {
  users: number;
  groups: number;
}

const documentOf = (name: string) =>
  readFileSync(new URL(`../workloads/${name}.graphql`, import.meta.url), 'utf8');

export function workloads(shape: DataShape): Workload[] {
  const firstHundredUsers = Array.from({ length: 100 }, (_, i) => encodeGlobalID('User', i + 1));
  return [
    {
      name: 'W1',
      title: '100 users with all their groups',
      query: documentOf('w1'),
      body: () => ({}),
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W2',
      title: 'largest group: first 100 members + memberCount',
      query: documentOf('w2'),
      // The seed makes group 1 the largest.
      body: () => ({ variables: { groupId: encodeGlobalID('Group', 1) } }),
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W3',
      title: '50 users → groups → first 20 members',
      query: documentOf('w3'),
      body: () => ({}),
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W4',
      title: 'addMember / removeMember on random pairs',
      query: documentOf('w4'),
      body: (random) => {
        const userId = encodeGlobalID('User', 1 + Math.floor(random() * shape.users));
        const groupId = encodeGlobalID('Group', 1 + Math.floor(random() * shape.groups));
        return {
          operationName: random() < 0.5 ? 'W4Add' : 'W4Remove',
          variables: { input: { userId, groupId } },
        };
      },
      readOnly: false,
      signedIn: true,
    },
    {
      name: 'W5',
      title: 'W1 entered through nodes(ids:)',
      query: documentOf('w5'),
      body: () => ({ variables: { ids: firstHundredUsers } }),
      readOnly: true,
      signedIn: false,
    },
  ];
}

/** A small deterministic PRNG (mulberry32), so W4 draws the same pairs in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
