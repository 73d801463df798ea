-- What a PostGraphile user adds to this schema for the benchmark, in its own schema
-- `postgraphile_bench` so the project's tables and drizzle-kit's migrations/ stay untouched.
-- bench/baselines/postgraphile.ts runs this file at start-up, before PostGraphile introspects;
-- every statement is idempotent, and the advisory lock keeps two servers starting on one
-- database from replacing the same function at once ("tuple concurrently updated").
begin;
select pg_advisory_xact_lock(hashtext('postgraphile_bench'));
create schema if not exists postgraphile_bench;

-- W4: the generated createUsersToGroup fails with a unique violation on an existing pair, the
-- workload re-adds existing pairs, and PostGraphile 5 generates no upsert. A volatile function
-- becomes a mutation, addMember(input: { userId, groupId }) { result }; ON CONFLICT DO NOTHING
-- answers false for a pair that exists.
-- Parameters are qualified with the function's name: in SQL functions a column of the same
-- name would win. Strict, so the arguments are non-null in GraphQL too.
create or replace function postgraphile_bench.add_member(user_id integer, group_id integer)
returns boolean language sql volatile strict as $$
  with inserted as (
    insert into public.users_to_groups (user_id, group_id)
    values (add_member.user_id, add_member.group_id)
    on conflict do nothing
    returning 1
  )
  select exists (select from inserted)
$$;

-- W4: the generated deleteUsersToGroupByUserIdAndGroupId answers a pair that is not a membership
-- with an error ("No values were deleted"); this answers false, like the API's removeMember.
create or replace function postgraphile_bench.remove_member(user_id integer, group_id integer)
returns boolean language sql volatile strict as $$
  with removed as (
    delete from public.users_to_groups
    where users_to_groups.user_id = remove_member.user_id
      and users_to_groups.group_id = remove_member.group_id
    returning 1
  )
  select exists (select from removed)
$$;

-- W5: PostGraphile has node(id:) but no plural nodes(ids:), and a `condition` matches one value.
-- A stable set-returning function becomes a root connection, usersByRowIds(rowIds:), that
-- PostGraphile selects from in the same statement as the users' groups. Ids with no user are
-- skipped; the rest come in the order asked for.
create or replace function postgraphile_bench.users_by_row_ids(row_ids integer[])
returns setof public.users language sql stable strict as $$
  select users.*
  from unnest(row_ids) with ordinality as requested (id, position)
  join public.users on users.id = requested.id
  order by requested.position
$$;

-- PostGraphile prefixes names from every schema but the first it exposes
-- (postgraphileBenchAddMember); the @name smart tag gives the fields their plain names.
comment on function postgraphile_bench.add_member(integer, integer) is E'@name add_member';
comment on function postgraphile_bench.remove_member(integer, integer) is E'@name remove_member';
comment on function postgraphile_bench.users_by_row_ids(integer[]) is E'@name users_by_row_ids';
commit;
