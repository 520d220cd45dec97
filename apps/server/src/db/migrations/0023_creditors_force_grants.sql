-- Creditor coordination (issue 7): creditors, loans, the company’s confidentiality lifts, plan versions and responses.
ALTER TABLE "case_confidentiality_lifts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_creditors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_loans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Consents are recorded and revoked (an update sets revoked_at), never deleted.
GRANT SELECT, INSERT, UPDATE ON "case_confidentiality_lifts" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "case_creditors", "case_loans" TO kasseika_app;
--> statement-breakpoint
-- The confidentiality lift (REFERENCE §1.3, §9): a bank officer holding a bank grant on a case sees the case only while
-- the company's consent for that officer's bank is in force. Restrictive: it narrows every permissive policy, so a
-- bank cannot learn that a case exists (404) before the consent, and loses it the moment the consent is revoked.
CREATE POLICY "support_cases_bank_needs_lift" ON "support_cases" AS RESTRICTIVE FOR SELECT TO kasseika_app USING (
  "support_cases"."council_id" = app.council_id()
  or "support_cases"."id" not in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.role_in_case = 'bank')
  or "support_cases"."id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and l.bank_code in (select o.bank_code from memberships m join organizations o on o.id = m.organization_id
      where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null))
);
--> statement-breakpoint
-- Documents shared with creditors need the `creditor_documents` set in the bank's consent.
CREATE POLICY "documents_bank_needs_lift" ON "documents" AS RESTRICTIVE FOR SELECT TO kasseika_app USING (
  "documents"."council_id" = app.council_id()
  or "documents"."case_id" is null
  or "documents"."case_id" not in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.role_in_case = 'bank')
  or "documents"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'creditor_documents' = any(l.document_sets)
    and l.bank_code in (select o.bank_code from memberships m join organizations o on o.id = m.organization_id
      where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null))
);
--> statement-breakpoint
-- Plan versions, responses, comments and the monitoring baseline (issue 7).
ALTER TABLE "case_plan_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_plan_comments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_creditor_responses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_monitoring_baselines" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Plan versions, comments and baselines are immutable: insert and read only.
GRANT SELECT, INSERT ON "case_plan_versions", "case_plan_comments", "case_monitoring_baselines" TO kasseika_app;
--> statement-breakpoint
-- Answers are voided (an update by the council), never deleted.
GRANT SELECT, INSERT, UPDATE ON "case_creditor_responses" TO kasseika_app;
