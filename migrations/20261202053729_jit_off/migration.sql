-- Custom SQL migration file, put your code below! --
-- PostgreSQL's JIT compiles a plan when its estimated cost passes jit_above_cost. A root query
-- with nested lists is costed for every row of its root table before its LIMIT, so the deeper
-- ones (W3 of the benchmark) passed it and spent about 20 ms compiling a query that runs in 70.
-- Every statement here is a short keyed lookup that JIT never pays back. It was turned off as a
-- connection startup option (`-c jit=off`), which a transaction-pooling proxy refuses or drops
-- (PgBouncer: "unsupported startup parameter"); a database default reaches every session however
-- it connects. Sessions opened before this runs keep their setting: the migrator runs on a
-- connection of its own (src/db/migrate.ts), before the pool opens any.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  -- Not the database's owner: the role's own default does the same for its sessions.
  ALTER ROLE CURRENT_USER SET jit = off;
END
$$;
