CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"council_id" smallint NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_version_key" UNIQUE("document_id","version")
);
--> statement-breakpoint
ALTER TABLE "document_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid,
	"request_id" uuid,
	"doc_type" text NOT NULL,
	"title" text NOT NULL,
	"visibility" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_one_owner" CHECK (("documents"."case_id" is null) <> ("documents"."request_id" is null))
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE POLICY "document_versions_visible" ON "document_versions" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("document_versions"."document_id" in (select d.id from documents d));--> statement-breakpoint
CREATE POLICY "document_versions_add" ON "document_versions" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("document_versions"."document_id" in (select d.id from documents d)
        and ("document_versions"."council_id" = app.council_id() or "document_versions"."document_id" in (select d.id from documents d
          where d.visibility in ('team', 'company') and d.case_id in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'documents.upload' = any(g.scopes)))));--> statement-breakpoint
CREATE POLICY "documents_council" ON "documents" AS PERMISSIVE FOR ALL TO "kasseika_app" USING ("documents"."council_id" = app.council_id()) WITH CHECK ("documents"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "documents_granted_read" ON "documents" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING (("documents"."visibility" in ('team', 'company', 'creditors') and "documents"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'documents.team' = any(g.scopes)))
        or ("documents"."visibility" in ('company', 'creditors') and "documents"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'documents.company' = any(g.scopes)))
        or ("documents"."visibility" = 'creditors' and "documents"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'documents.creditors' = any(g.scopes))));--> statement-breakpoint
CREATE POLICY "documents_granted_upload" ON "documents" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("documents"."visibility" in ('team', 'company') and "documents"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'documents.upload' = any(g.scopes)));