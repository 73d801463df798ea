-- W2: one group with its member count and first 100 members, as the complete GraphQL response.
-- `:group_id` is a psql/pgbench variable, so this file runs as it is under both (`pgbench -f`,
-- `psql -f`); floor.ts drops the \set line and sends `:group_id` as the parameter $1.
-- See w1.sql for why lookups are LATERAL ... LIMIT 1.
\set group_id 1
select json_build_object('data', json_build_object('group', (
  select json_build_object(
    'id', encode(convert_to('Group:' || g.id, 'UTF8'), 'base64'),
    'name', g.name,
    -- The trigger-kept column the API reads too (migration member_count_trigger): counting the
    -- group's memberships here would make the floor slower than the API on the same schema.
    'memberCount', g.member_count,
    'members', group_members.members)
  from groups g
  cross join lateral (
    select coalesce(json_agg(json_build_object(
      'id', encode(convert_to('User:' || u.id, 'UTF8'), 'base64'),
      'name', u.name
    ) order by m.user_id), '[]') as members
    -- (group_id, user_id) yields members in id order: LIMIT stops after 100, however large.
    from (select user_id from users_to_groups where group_id = g.id order by user_id limit 100) m
    cross join lateral (select id, name from users where id = m.user_id limit 1) u
  ) group_members
  where g.id = :group_id
)))::text as body;
