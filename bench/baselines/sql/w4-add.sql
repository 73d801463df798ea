-- W4Add, for floor.ts only ($1 user id, $2 group id): the insert and the GraphQL response in one
-- statement. ON CONFLICT DO NOTHING returns no row for an existing membership: `added` is false.
with inserted as (
  insert into users_to_groups (user_id, group_id) values ($1, $2)
  on conflict do nothing
  returning 1
)
select json_build_object('data', json_build_object('addMember', json_build_object(
  'added', exists (select from inserted))))::text as body;
