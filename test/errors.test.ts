import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger, yogaLogger } from '../src/http/logger.ts';
import { graphql } from './gql/index.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

const UsersNames = graphql(`
  query ErrorsUsersNames {
    users(first: 1) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

describe('unexpected errors', () => {
  it('reach the client masked, with no SQL, stack or table name', async () => {
    // Simulate a broken database: the table the query needs is gone for the moment.
    await app.db.execute(sql`ALTER TABLE users RENAME TO users_away`);
    try {
      const result = await app.gql(UsersNames);
      expect(result.data?.users ?? null).toBeNull();
      expect(errorCodes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(result.errors![0]!.message).toBe('Unexpected error.');
      const body = JSON.stringify(result);
      expect(body).not.toMatch(/select|users_away|relation|stack|\.ts:/i);
    } finally {
      await app.db.execute(sql`ALTER TABLE users_away RENAME TO users`);
    }
    expect((await app.gql(UsersNames)).errors).toBeUndefined();
  });
});

describe('the log line of an unexpected error', () => {
  it('carries the id of the request it failed, on Yoga’s path and on the direct one', async () => {
    const lines: { requestId?: string; msg: string; err?: { message: string } }[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const logged = await startTestApp({ logger: yogaLogger(logger) });
    const { origin } = await logged.listen(logger);
    const query = '{ users(first: 1) { edges { node { name } } } }';
    const post = (requestId: string) =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ query }),
      });
    // Known to the direct path once Yoga has answered it.
    await post('warm-up');
    await logged.db.execute(sql`ALTER TABLE users RENAME TO users_away`);
    try {
      for (const requestId of ['through-yoga', 'direct']) {
        expect((await (await post(requestId)).json()).errors[0].message).toBe('Unexpected error.');
      }
    } finally {
      await logged.db.execute(sql`ALTER TABLE users_away RENAME TO users`);
    }
    for (const requestId of ['through-yoga', 'direct']) {
      const failure = lines.find((line) => line.requestId === requestId && line.err);
      expect(failure?.err?.message).toMatch(/users/);
      expect(lines.find((line) => line.requestId === requestId && line.msg === 'request')).toBeDefined();
    }
    expect(lines.some((line) => line.requestId === 'warm-up' && line.err)).toBe(false);
  });
});

describe('malformed requests', () => {
  it('answer a syntax error with a 400 and a GraphQL error, not a 500', async () => {
    const response = await app.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ users(first: ) }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain('Syntax Error');
  });

  it('answer a variable of the wrong type with a GraphQL error, not a 500', async () => {
    const response = await app.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($n: Int) { users(first: $n) { totalCount } }',
        variables: { n: 'many' },
      }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain('Int cannot represent');
  });
});
