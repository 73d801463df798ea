import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createCommunity } from './fixtures.ts';
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
