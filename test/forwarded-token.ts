import { describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { createAdmin, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { errorCodes } from './harness.ts';

interface Post {
  author: { id: string; email: string | null };
}

/** What a gateway test hands these checks: a way through its gateway, and the data behind it. */
export interface GatewayUnderTest {
  db: Db;
  community: Community;
  throughGateway(
    query: string,
    as?: number,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] }>;
}

/**
 * The same checks for either kind of gateway: the client's bearer token reaches this API on
 * every call the gateway makes, and this API's refusals reach the client with their codes.
 */
export function describeForwardedToken(gateway: () => GatewayUnderTest): void {
  describe('the client’s bearer token, forwarded by the gateway', () => {
    it('reaches this API on each call, so fields only the viewer may see resolve for them alone', async () => {
      const { community, throughGateway } = gateway();
      const viewerId = community.userIds[0]!;
      const result = await throughGateway(`{ viewer { id } posts { author { id email } } }`, viewerId);
      expect(result.errors).toBeUndefined();
      expect(result.data?.['viewer']).toEqual({ id: userGlobalId(viewerId) });
      // The authors come from a second call here: the token went along with that one too.
      const withEmail = (result.data?.['posts'] as Post[]).filter((post) => post.author.email);
      expect(withEmail.map((post) => post.author.id)).toEqual([
        userGlobalId(viewerId),
        userGlobalId(viewerId),
      ]);
    });

    it('runs mutations as the signed-in user, and passes UNAUTHENTICATED and FORBIDDEN through', async () => {
      const { community, throughGateway, db } = gateway();
      const groupId = community.groupIds[0]!;
      const rename = (name: string) =>
        `mutation { updateGroup(input: { id: "${groupGlobalId(groupId)}", name: "${name}" }) { group { name } } }`;
      const anonymous = await throughGateway(rename('Renamed anonymously'));
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
      // User 0 is a plain MEMBER of group 0.
      const member = await throughGateway(rename('Renamed by a member'), community.userIds[0]!);
      expect(errorCodes(member)).toEqual(['FORBIDDEN']);
      const admin = await throughGateway(rename('Renamed by its admin'), await createAdmin(db, [groupId]));
      expect(admin.errors).toBeUndefined();
      expect(admin.data?.['updateGroup']).toEqual({ group: { name: 'Renamed by its admin' } });
    });
  });
}
