-- W3: the first 50 users, their groups (default `first`, 100), and the first 20 members of each
-- group, as the complete GraphQL response. A group shared by several users appears once per
-- user, as GraphQL returns it; the planner memoizes the member list per group id, so a
-- repeated group is built once. See w1.sql for why lookups are LATERAL ... LIMIT 1.
select json_build_object('data', json_build_object('users', json_build_object('edges',
  coalesce(json_agg(json_build_object('node', json_build_object(
    'id', encode(convert_to('User:' || u.id, 'UTF8'), 'base64'),
    'name', u.name,
    'groups', user_groups.groups
  )) order by u.id), '[]'))))::text as body
from (select id, name from users order by id limit 50) u
cross join lateral (
  select coalesce(json_agg(json_build_object(
    'id', encode(convert_to('Group:' || g.id, 'UTF8'), 'base64'),
    'name', g.name,
    'members', group_members.members
  ) order by ug.group_id), '[]') as groups
  from (select group_id from users_to_groups where user_id = u.id order by group_id limit 100) ug
  cross join lateral (select id, name from groups where id = ug.group_id limit 1) g
  cross join lateral (
    select coalesce(json_agg(json_build_object(
      'id', encode(convert_to('User:' || m.id, 'UTF8'), 'base64'),
      'name', m.name
    ) order by gm.user_id), '[]') as members
    from (select user_id from users_to_groups where group_id = g.id order by user_id limit 20) gm
    cross join lateral (select id, name from users where id = gm.user_id limit 1) m
  ) group_members
) user_groups;
