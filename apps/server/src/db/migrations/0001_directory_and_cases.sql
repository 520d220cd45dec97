CREATE TABLE "council_offices" (
	"id" text PRIMARY KEY NOT NULL,
	"council_id" smallint NOT NULL,
	"seq" smallint NOT NULL,
	"address" text NOT NULL,
	"postal_code" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" smallint PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"prefecture_code" text NOT NULL,
	"prefecture" text NOT NULL,
	"name" text NOT NULL,
	"operating_body" text NOT NULL,
	"source_version" text NOT NULL,
	CONSTRAINT "councils_slug_key" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "directory_sources" (
	"version" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"title" text NOT NULL,
	"sha256" text NOT NULL,
	"headquarters" jsonb NOT NULL,
	"related_bodies" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"reference_no" text NOT NULL,
	"company_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_cases_reference_key" UNIQUE("council_id","reference_no")
);
--> statement-breakpoint
ALTER TABLE "support_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "council_offices" ADD CONSTRAINT "council_offices_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_source_version_directory_sources_version_fk" FOREIGN KEY ("source_version") REFERENCES "public"."directory_sources"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_offices_council_idx" ON "council_offices" USING btree ("council_id","seq");--> statement-breakpoint
CREATE POLICY "support_cases_tenant_isolation" ON "support_cases" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = nullif(current_setting('app.council_id', true), '')::smallint) WITH CHECK (council_id = nullif(current_setting('app.council_id', true), '')::smallint);