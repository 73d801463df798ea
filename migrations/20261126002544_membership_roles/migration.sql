CREATE TYPE "membership_role" AS ENUM('MEMBER', 'ADMIN');--> statement-breakpoint
ALTER TABLE "users_to_groups" ADD COLUMN "role" "membership_role" DEFAULT 'MEMBER'::"membership_role" NOT NULL;--> statement-breakpoint
CREATE INDEX "users_to_groups_admins_idx" ON "users_to_groups" ("group_id","user_id") WHERE "role" = 'ADMIN';