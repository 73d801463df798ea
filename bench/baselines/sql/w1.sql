-- W1: the first 100 users, each with all their groups (the API's default `first`, 100), as the
-- complete GraphQL response in one statement.
--
-- json, not jsonb: jsonb would reorder the keys, which must follow the selection order.
-- Each row is looked up in a LATERAL subquery with LIMIT 1 rather than a plain join: LIMIT keeps
-- the planner from flattening it into a join it may hash, with a seq scan repeated per user
-- (what it picks on small data), so every lookup stays one primary-key probe per row.
select json_build_object('data', json_build_object('users', json_build_object('edges',
  coalesce(json_agg(json_build_object('node', json_build_object(
    'id', encode(convert_to('User:' || u.id, 'UTF8'), 'base64'),
    'name', u.name,
    'groups', user_groups.groups
  )) order by u.id), '[]'))))::text as body
from (select id, name from users order by id limit 100) u
cross join lateral (
  select coalesce(json_agg(json_build_object(
    'id', encode(convert_to('Group:' || g.id, 'UTF8'), 'base64'),
    'name', g.name
  ) order by ug.group_id), '[]') as groups
  -- The (user_id, group_id) primary key yields a user's groups in id order: LIMIT stops early.
  from (select group_id from users_to_groups where user_id = u.id order by group_id limit 100) ug
  cross join lateral (select id, name from groups where id = ug.group_id limit 1) g
) user_groups;
