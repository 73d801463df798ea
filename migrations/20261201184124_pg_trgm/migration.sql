-- Custom SQL migration file, put your code below! --
-- Trigram matching for name search: the gin_trgm_ops indexes on users.name and groups.name (the
-- next migration) answer ILIKE '%…%' without reading every row. PostgreSQL ships the extension
-- in contrib; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (src/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
