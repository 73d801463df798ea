-- W5, for floor.ts only: nodes(ids) with `... on User { id name groups { id name } }`.
-- floor.ts decodes the global IDs and passes $1 (type names) and $2 (ids) as parallel arrays;
-- an ID it cannot decode has a null type. In the given order, each entry is a User object, `{}`
-- for a Group (the fragment selects nothing on it), or null when no such row exists.
-- See w1.sql for why lookups are LATERAL ... LIMIT 1.
select json_build_object('data', json_build_object('nodes', coalesce(json_agg(
  case requested.type
    when 'User' then (
      select json_build_object(
        'id', encode(convert_to('User:' || u.id, 'UTF8'), 'base64'),
        'name', u.name,
        'groups', (
          select coalesce(json_agg(json_build_object(
            'id', encode(convert_to('Group:' || g.id, 'UTF8'), 'base64'),
            'name', g.name
          ) order by ug.group_id), '[]')
          from (select group_id from users_to_groups where user_id = u.id
                order by group_id limit 100) ug
          cross join lateral (select id, name from groups where id = ug.group_id limit 1) g
        ))
      from users u where u.id = requested.id)
    when 'Group' then (select '{}'::json from groups where id = requested.id)
  end order by requested.position), '[]')))::text as body
from unnest($1::text[], $2::int[]) with ordinality as requested(type, id, position);
