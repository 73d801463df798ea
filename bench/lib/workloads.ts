import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';

export interface RequestBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** What the steps of one pass share; a new pass starts empty (autocannon's per-connection context). */
export interface Pass {
  pair?: { userId: string; groupId: string };
  added?: boolean;
}

/** One request of a workload's pass, and what it learns from the answer for the next steps. */
export interface Step {
  body: (pass: Pass) => RequestBody;
  onAnswer?: (answer: unknown, pass: Pass) => void;
}

/** One benchmark workload: what every subject is asked, as GraphQL requests. */
export interface Workload {
  name: 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';
  title: string;
  /** The GraphQL document, from bench/workloads/<name>.graphql. */
  query: string;
  /**
   * The requests a connection sends, in order, pass after pass. A read is one fixed request;
   * W4 adds a random pair and then removes it again, so the data ends as it began.
   */
  steps: (random: () => number) => Step[];
  /** Reads only, so every subject must return the same data for it. */
  readOnly: boolean;
  /** Sent signed in as the bench admin, who administers every group: W4's mutations need one. */
  signedIn: boolean;
  /**
   * The subjects that implement it, when not all do: the DataLoader and naive baselines and
   * PostGraphile (without a filter plugin) have no filtered, ordered member lists.
   */
  subjects?: readonly string[];
}

/** Whether a subject takes part in a workload. */
export function implementsWorkload(subjectName: string, workload: Workload): boolean {
  return !workload.subjects || workload.subjects.includes(subjectName);
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
      steps: () => [{ body: () => ({}) }],
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W2',
      title: 'largest group: first 100 members + memberCount',
      query: documentOf('w2'),
      // The seed makes group 1 the largest.
      steps: () => [{ body: () => ({ variables: { groupId: encodeGlobalID('Group', 1) } }) }],
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W3',
      title: '50 users → groups → first 20 members',
      query: documentOf('w3'),
      steps: () => [{ body: () => ({}) }],
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W4',
      title: 'addMember / removeMember on random pairs',
      query: documentOf('w4'),
      steps: (random) => [
        {
          body: (pass) => {
            pass.pair = {
              userId: encodeGlobalID('User', 1 + Math.floor(random() * shape.users)),
              groupId: encodeGlobalID('Group', 1 + Math.floor(random() * shape.groups)),
            };
            return { operationName: 'W4Add', variables: { input: pass.pair } };
          },
          onAnswer: (answer, pass) => {
            pass.added =
              (answer as { data?: { addMember?: { added?: boolean } } }).data?.addMember?.added === true;
          },
        },
        // A pair that was already a membership stays one: the seeded data is never removed.
        {
          body: (pass) => ({
            operationName: pass.added ? 'W4Remove' : 'W4Add',
            variables: { input: pass.pair },
          }),
        },
      ],
      readOnly: false,
      signedIn: true,
    },
    {
      name: 'W5',
      title: 'W1 entered through nodes(ids:)',
      query: documentOf('w5'),
      steps: () => [{ body: () => ({ variables: { ids: firstHundredUsers } }) }],
      readOnly: true,
      signedIn: false,
    },
    {
      name: 'W6',
      title: 'largest group: a filtered, ordered member page',
      query: documentOf('w6'),
      steps: () => [{ body: () => ({ variables: { groupId: encodeGlobalID('Group', 1) } }) }],
      readOnly: true,
      signedIn: false,
      subjects: ['api', 'floor'],
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
