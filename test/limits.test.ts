import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createCommunity, groupGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

// A many-to-many graph invites `groups { members { groups { members … } } }`, which grows
// exponentially. Such queries are refused from their shape, before any SQL runs.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await createCommunity(app.db, { userCount: 60, groupCount: 6, groupsPerUser: 3 });
});

const Exponential = graphql(`
  query LimitsExponential {
    users(first: 1000) {
      edges {
        node {
          groups(first: 1000) {
            members(first: 1000) {
              groups(first: 1000) {
                name
              }
            }
          }
        }
      }
    }
  }
`);

const BenchmarkW3 = graphql(`
  query LimitsW3Shape {
    users(first: 50) {
      edges {
        node {
          id
          name
          groups {
            id
            name
            members(first: 20) {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const Deep = graphql(`
  query LimitsDeep {
    users(first: 1) {
      edges {
        node {
          groups(first: 1) {
            members(first: 1) {
              groups(first: 1) {
                members(first: 1) {
                  groups(first: 1) {
                    members(first: 1) {
                      groups(first: 1) {
                        members(first: 1) {
                          groups(first: 1) {
                            members(first: 1) {
                              groups(first: 1) {
                                members(first: 1) {
                                  name
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

describe('query limits', () => {
  it('refuse an exponential query with QUERY_TOO_LARGE before any SQL runs', async () => {
    app.statements.length = 0;
    const result = await app.gql(Exponential);
    expect(result.data ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['QUERY_TOO_LARGE']);
    expect(result.errors![0]!.message).toMatch(/complexity is \d+, over the limit of 500000/);
    expect(app.statements).toEqual([]);
  });

  it('refuse a query nested deeper than the limit, before any SQL runs', async () => {
    app.statements.length = 0;
    const result = await app.gql(Deep);
    expect(errorCodes(result)).toEqual(['QUERY_TOO_LARGE']);
    expect(result.errors![0]!.message).toContain('depth');
    expect(app.statements).toEqual([]);
  });

  it('let a realistic page through: the benchmark’s W3 shape', async () => {
    const result = await app.gql(BenchmarkW3);
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.edges).toHaveLength(50);
  });

  it('follow the configured limits', async () => {
    const strict = await startTestApp({ queryLimits: { complexity: 100, depth: 15, breadth: 1000 } });
    const result = await strict.gql(BenchmarkW3);
    expect(errorCodes(result)).toEqual(['QUERY_TOO_LARGE']);
    expect(result.errors![0]!.extensions).toMatchObject({ limit: 'complexity', max: 100 });
    expect(strict.statements).toEqual([]);
  });
});

const FilteredMembers = graphql(`
  query LimitsFilteredMembers($id: ID!, $filter: MemberFilter, $orderBy: [MemberOrder!]) {
    group(id: $id) {
      members(first: 2, filter: $filter, orderBy: $orderBy) {
        id
      }
    }
  }
`);

describe('query cost of filters and orders', () => {
  it('adds a page’s worth for each filter condition and non-ID order key, and refuses past the limit', async () => {
    const strict = await startTestApp({ queryLimits: { complexity: 200, depth: 15, breadth: 1000 } });
    // No such group: the plain query runs and answers NOT_FOUND, the filtered one never runs.
    const id = groupGlobalId(2_000_000_000);
    // group 1 + members (1 + 2 × id 1): 4.
    const plain = await strict.gql(FilteredMembers, { id, orderBy: [{ field: 'ID', direction: 'DESC' }] });
    expect(errorCodes(plain)).toEqual(['NOT_FOUND']);
    strict.statements.length = 0;
    const filtered = await strict.gql(FilteredMembers, {
      id,
      filter: { role: 'ADMIN', nameContains: 'a' },
      orderBy: [{ field: 'NAME', direction: 'ASC' }],
    });
    expect(errorCodes(filtered)).toEqual(['QUERY_TOO_LARGE']);
    // Three scans of 100 each on top of the plain query's 4.
    expect(filtered.errors![0]!.message).toMatch(/complexity is 304, over the limit of 200/);
    expect(strict.statements).toEqual([]);
  });
});

describe('request limits', () => {
  async function post(target: TestApp, body: string) {
    target.statements.length = 0;
    const response = await target.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    };
  }
  const query = (text: string) => JSON.stringify({ query: text });

  it.each([
    [
      'too many aliases',
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: users(first: 1) { totalCount }`).join(' ')} }`,
      'Aliases limit of 30',
    ],
    [
      'too many directives',
      `{ users(first: 1) { totalCount ${'@include(if: true) '.repeat(51)} } }`,
      'Directives limit of 50',
    ],
    ['too many tokens', `{ users(first: 1) { ${'totalCount '.repeat(5001)} } }`, 'Token limit of 5000'],
  ])('refuse %s with QUERY_TOO_LARGE before any SQL', async (_case, text, message) => {
    const { status, body } = await post(app, query(text));
    expect(status).toBeLessThan(500);
    expect(body.errors?.map((error) => error.extensions?.['code'])).toContain('QUERY_TOO_LARGE');
    expect(body.errors?.map((error) => error.message).join(' ')).toContain(message);
    expect(app.statements).toEqual([]);
  });

  it('refuse a body over the size limit with 413 REQUEST_TOO_LARGE', async () => {
    const { origin } = await app.listen();
    app.statements.length = 0;
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: query(`{ users(first: 1) { totalCount } } # ${'x'.repeat(100_001)}`),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions['code']).toBe('REQUEST_TOO_LARGE');
    expect(app.statements).toEqual([]);
  });

  it('refuse a body sent without a Content-Length (chunked) once it passes the size limit', async () => {
    const { origin } = await app.listen();
    app.statements.length = 0;
    const send = (body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        request.on('error', reject);
        request.on('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        // In pieces, as a streaming client sends it.
        for (let offset = 0; offset < body.length; offset += 16_384)
          request.write(body.slice(offset, offset + 16_384));
        request.end();
      });
    const small = await send(query('{ users(first: 1) { totalCount } }'));
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toMatchObject({ data: { users: { totalCount: expect.any(Number) } } });
    app.statements.length = 0;
    const large = await send(query(`{ users(first: 1) { totalCount } } # ${'x'.repeat(100_001)}`));
    expect(large.status).toBe(413);
    const body = JSON.parse(large.body) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]!.extensions['code']).toBe('REQUEST_TOO_LARGE');
    expect(body.errors[0]!.message).toMatch(/over 100000 bytes/);
    expect(app.statements).toEqual([]);
  });

  it('count a body whose Content-Length is not a plain number, as if it had none', async () => {
    app.statements.length = 0;
    const response = await app.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1e3' },
      body: query(`{ users(first: 1) { totalCount } } # ${'x'.repeat(100_001)}`),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions['code']).toBe('REQUEST_TOO_LARGE');
    expect(app.statements).toEqual([]);
  });

  it('suggest field names in development only', async () => {
    const development = await post(app, query('{ user(id: "x") { nmae } }'));
    expect(development.body.errors![0]!.message).toContain('Did you mean "name"?');
    const production = await startTestApp({ production: true });
    const hidden = await post(production, query('{ user(id: "x") { nmae } }'));
    expect(hidden.body.errors![0]!.message).not.toContain('Did you mean');
  });
});
