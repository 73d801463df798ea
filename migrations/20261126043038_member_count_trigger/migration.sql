-- Custom SQL migration file, put your code below! --
-- groups.member_count follows users_to_groups in the same transaction as every change to it,
-- cascades from deleting a user included, so reading a group's size never counts its members.
-- Concurrent changes to one group queue on its row for the update; nothing else waits.
CREATE FUNCTION "count_group_members"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "groups" SET "member_count" = "member_count" + 1 WHERE "id" = NEW."group_id";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "groups" SET "member_count" = "member_count" - 1 WHERE "id" = OLD."group_id";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_to_groups_count_members"
  AFTER INSERT OR DELETE OR UPDATE OF "group_id" ON "users_to_groups"
  FOR EACH ROW EXECUTE FUNCTION "count_group_members"();--> statement-breakpoint
UPDATE "groups" SET "member_count" = (
  SELECT count(*) FROM "users_to_groups" WHERE "users_to_groups"."group_id" = "groups"."id"
);
