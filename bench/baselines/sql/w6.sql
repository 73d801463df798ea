-- W6: the first 20 MEMBERs of one group whose name contains "123", by name (then ID), with when
-- each joined, whether more follow, and how many match in all, as the complete GraphQL response.
-- `:group_id` as in w2.sql. The name search reads users through its trigram index
-- (users_name_trgm) and joins the group's memberships by key; the page is sorted after that.
\set group_id 1
select json_build_object('data', json_build_object('group', (
  select json_build_object(
    'id', encode(convert_to('Group:' || g.id, 'UTF8'), 'base64'),
    'name', g.name,
    'membersConnection', json_build_object(
      'totalCount', (
        select count(*)
        from users_to_groups m
        join users u on u.id = m.user_id
        where m.group_id = g.id and m.role = 'MEMBER' and u.name ilike '%123%'
      ),
      'edges', page.edges,
      'pageInfo', json_build_object('hasNextPage', page.rows > 20)))
  from groups g
  cross join lateral (
    select
      coalesce(json_agg(json_build_object(
        'role', p.role,
        -- The API's DateTime: ISO 8601 in UTC with milliseconds. The colons are quoted text, so
        -- pgbench does not read a colon and the letters after it as one of its variables.
        'joinedAt', to_char(p.joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.MS"Z"'),
        'node', json_build_object('id', encode(convert_to('User:' || p.id, 'UTF8'), 'base64'), 'name', p.name)
      ) order by p.name, p.id) filter (where p.position <= 20), '[]') as edges,
      count(*) as rows
    from (
      select m.role, m.joined_at, u.id, u.name, row_number() over (order by u.name, u.id) as position
      from users_to_groups m
      join users u on u.id = m.user_id
      where m.group_id = g.id and m.role = 'MEMBER' and u.name ilike '%123%'
      order by u.name, u.id
      limit 21
    ) p
  ) page
  where g.id = :group_id
)))::text as body;
