-- W4Remove, for floor.ts only ($1 user id, $2 group id): the delete and the GraphQL response in
-- one statement.
with removed as (
  delete from users_to_groups where user_id = $1 and group_id = $2
  returning 1
)
select json_build_object('data', json_build_object('removeMember', json_build_object(
  'removed', exists (select from removed))))::text as body;
