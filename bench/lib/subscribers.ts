/**
 * The subscribers of `npm run bench:events`, in a process of their own so that reading their
 * streams shares no event loop with the load generator, whose turns would delay (and inflate)
 * the measured latency. Run by bench/events.ts:
 *
 *   subscribers.ts <baseUrl> <count> <groups>
 *
 * Prints `ready` once the server holds every subscription; on SIGTERM prints one JSON line,
 * `{ "latencies": [...] }` (ms from each event's `at` to reading it), and exits.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';

const [baseUrl, count, groups] = process.argv.slice(2);
const subscription = `subscription Follow($groupId: ID!) {
  membershipChanged(groupId: $groupId) { cursor kind at userId group { id memberCount } }
}`;

const latencies: number[] = [];
const controller = new AbortController();
const decoder = new TextDecoder();

async function follow(index: number): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const groupId = encodeGlobalID('Group', 1 + (index % Number(groups)));
  // The response's headers come once the server holds the subscription.
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: subscription, variables: { groupId } }),
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`subscribing: HTTP ${response.status}`);
  return response.body.getReader();
}

async function read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.+)$/m.exec(message)?.[1];
      if (!data) continue;
      const at = (JSON.parse(data) as { data?: { membershipChanged?: { at: string } } }).data
        ?.membershipChanged?.at;
      if (!at) throw new Error(`an event without data: ${data}`);
      latencies.push(Date.now() - Date.parse(at));
    }
  }
}

const readers = await Promise.all(Array.from({ length: Number(count) }, (_, index) => follow(index)));
for (const reader of readers) {
  read(reader).catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
}
console.log('ready');
process.once('SIGTERM', () => {
  controller.abort();
  console.log(JSON.stringify({ latencies }));
  process.exit(0);
});
