import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RcConsentView } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { giveRcConsent, rechallengeKeys, revokeRcConsent } from '../api/rechallenge';
import { PackageView } from './package-view';

const CARD = 'rounded-12 border border-line-light bg-surface p-4 md:p-6';

/**
 * The company's consent screen: who the council proposes as lawyer, exactly what would be handed over, and the
 * consent (dated) or its revocation. Consent binds to the package's hash: if the council changed it meanwhile, the
 * server refuses and the screen reloads.
 */
export function CompanyConsent({ caseId, view }: { caseId: string; view: RcConsentView }) {
  const { t, i18n } = useTranslation('rechallenge');
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'give' | 'revoke' | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const r = view.referral;
  if (!r) return <p className="rounded-12 bg-surface p-6 text-ink-sub">{t('consent.none')}</p>;
  const stands = r.consent.consentedAt !== null && r.consent.revokedAt === null;

  async function act(kind: 'give' | 'revoke') {
    if (!r) return;
    setBusy(true);
    setStatus(null);
    try {
      if (kind === 'give') await giveRcConsent(caseId, r.packageHash);
      else await revokeRcConsent(caseId);
      setStatus({ tone: 'success', text: t(kind === 'give' ? 'consent.given' : 'consent.revoked') });
    } catch (e) {
      setStatus({ tone: 'error', text: problemMessage(e, lang) });
    } finally {
      setBusy(false);
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: rechallengeKeys.all(caseId) });
    }
  }

  return (
    <div className="grid gap-4">
      <div role="status" aria-live="polite">
        {status ? <Notice tone={status.tone} title={status.text} /> : null}
      </div>
      <section aria-labelledby="consent-lawyer" className={CARD}>
        <h2 id="consent-lawyer" className="text-xl">
          {t('consent.lawyerHeading')}
        </h2>
        <p className="mt-2 text-lg font-bold">
          {r.lawyerName}（{r.lawyerFirm}）
        </p>
        <p className="mt-2">{t('consent.explain')}</p>
      </section>
      <section aria-labelledby="consent-package" className={CARD}>
        <h2 id="consent-package" className="mb-3 text-xl">
          {t('consent.packageHeading')}
        </h2>
        <PackageView pkg={r.package} hash={r.packageHash} />
      </section>
      <section aria-labelledby="consent-state" className={CARD}>
        <h2 id="consent-state" className="text-xl">
          {t('consent.stateHeading')}
        </h2>
        <p className="mt-2 font-bold" data-testid="consent-state">
          {stands
            ? t('consent.stateGiven', { at: formatDateTimeJst(r.consent.consentedAt ?? '', lang), name: r.consent.consentedByName ?? '—' })
            : r.consent.revokedAt
              ? t('consent.stateRevoked', { at: formatDateTimeJst(r.consent.revokedAt, lang) })
              : t('consent.stateNone')}
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {!stands && !r.consent.revokedAt && view.abilities.consent ? (
            <Button onClick={() => setConfirm('give')}>{t('consent.give')}</Button>
          ) : null}
          {stands ? (
            <Button variant="secondary" onClick={() => setConfirm('revoke')}>
              {t('consent.revoke')}
            </Button>
          ) : null}
        </div>
      </section>
      <ConfirmDialog
        open={confirm !== null}
        title={t(confirm === 'revoke' ? 'consent.revokeTitle' : 'consent.giveTitle')}
        confirmLabel={t(confirm === 'revoke' ? 'consent.revoke' : 'consent.give')}
        cancelLabel={t('cancel')}
        danger={confirm === 'revoke'}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void (confirm ? act(confirm) : undefined)}
      >
        <p>{t(confirm === 'revoke' ? 'consent.revokeBody' : 'consent.giveBody', { name: r.lawyerName })}</p>
      </ConfirmDialog>
    </div>
  );
}
