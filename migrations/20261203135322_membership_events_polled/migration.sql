-- Custom SQL migration file, put your code below! --
-- record_membership_changes() no longer ends in pg_notify. A transaction that notifies takes a
-- cluster-wide lock before its commit record and holds it until the commit is done, so every
-- writer's commits ran one at a time: insert/delete pairs on users_to_groups ran at a quarter of
-- the rate without the notification (pgbench, docs/performance.md). Each instance's hub now reads
-- the log once per interval while anyone subscribes (src/resolvers/membership-event-hub.ts).
-- The rest of the function is unchanged from migration *_membership_events_triggers.
CREATE OR REPLACE FUNCTION "record_membership_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own_order bigint := pg_current_xact_id()::text::bigint;
  changes "membership_change"[];
BEGIN
  -- Transition tables need one trigger per event; each branch reads the ones its event has.
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(group_id, user_id, 'ADDED', role, 1)::"membership_change" FROM new_memberships);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(group_id, user_id, 'REMOVED', role, -1)::"membership_change" FROM old_memberships);
  ELSE
    -- An update that only moves joined_at changes nothing anyone subscribes to.
    changes := ARRAY(
      SELECT CASE
        WHEN o.user_id IS NULL THEN ROW(n.group_id, n.user_id, 'ADDED', n.role, 1)::"membership_change"
        WHEN n.user_id IS NULL THEN ROW(o.group_id, o.user_id, 'REMOVED', o.role, -1)::"membership_change"
        ELSE ROW(n.group_id, n.user_id, 'ROLE_CHANGED', n.role, 0)::"membership_change"
      END
      FROM old_memberships o
      FULL JOIN new_memberships n ON n.user_id = o.user_id AND n.group_id = o.group_id
      WHERE o.user_id IS NULL OR n.user_id IS NULL OR o.role IS DISTINCT FROM n.role);
  END IF;
  IF cardinality(changes) = 0 THEN
    RETURN NULL;
  END IF;
  -- Groups are locked in ID order, so two statements changing several groups (deleting users
  -- cascades to all their groups) never wait on each other in a cycle. NO KEY UPDATE, the lock
  -- the UPDATE below takes anyway: every insert already holds KEY SHARE on its group from the
  -- foreign key check, and FOR UPDATE would deadlock two inserts into one group.
  PERFORM 1 FROM "groups"
  WHERE "id" IN (SELECT DISTINCT group_id FROM unnest(changes))
  ORDER BY "id" FOR NO KEY UPDATE;
  WITH per_group AS (
    SELECT group_id, sum(delta)::int AS delta FROM unnest(changes) GROUP BY group_id
  ), bumped AS (
    UPDATE "groups"
    SET "member_count" = "member_count" + per_group.delta,
        "last_event_tx_order" = greatest("last_event_tx_order", own_order)
    FROM per_group
    WHERE "groups"."id" = per_group.group_id
    RETURNING "groups"."id", "groups"."last_event_tx_order"
  )
  -- A deleted group (its memberships go by cascade) has no row left to order by: its events
  -- keep the transaction's own ID.
  INSERT INTO "membership_events" ("tx_order", "kind", "group_id", "user_id", "role")
  SELECT coalesce(bumped."last_event_tx_order", own_order), c.kind, c.group_id, c.user_id, c.role
  FROM unnest(changes) c
  LEFT JOIN bumped ON bumped."id" = c.group_id
  ORDER BY c.group_id, c.user_id;
  RETURN NULL;
END
$$;
