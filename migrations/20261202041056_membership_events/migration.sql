CREATE TYPE "membership_change_kind" AS ENUM('ADDED', 'REMOVED', 'ROLE_CHANGED');--> statement-breakpoint
CREATE TABLE "membership_events" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "membership_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tx_order" bigint,
	"kind" "membership_change_kind" NOT NULL,
	"group_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"role" "membership_role" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_events_pkey" PRIMARY KEY("tx_order","id")
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "last_event_tx_order" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "membership_events_group_idx" ON "membership_events" ("group_id","tx_order","id");--> statement-breakpoint
CREATE INDEX "membership_events_user_idx" ON "membership_events" ("user_id","tx_order","id");--> statement-breakpoint
CREATE INDEX "membership_events_at_idx" ON "membership_events" USING brin ("at");