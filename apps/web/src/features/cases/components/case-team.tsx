import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { revokeGrantBodySchema, type CaseDetail } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/form-field';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { caseKeys, revokeGrant, useCaseGrants } from '../api/cases';
import { InviteOutsiderForm } from './invite-outsider-form';

function RevokeDialog({
  caseId,
  grant,
  onClose,
  onRevoked,
}: {
  caseId: string;
  grant: { id: string; displayName: string } | null;
  onClose: () => void;
  onRevoked: (name: string) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const lang = langOf(i18n.language);
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' }, resolver: contractResolver(revokeGrantBodySchema) });
  const { register, handleSubmit, formState, setError, reset } = form;
  const close = () => {
    reset();
    setFormError(null);
    onClose();
  };
  const submit = handleSubmit(async ({ reason }) => {
    if (!grant) return;
    setFormError(null);
    try {
      await revokeGrant(caseId, grant.id, reason);
      reset();
      onRevoked(grant.displayName);
    } catch (error) {
      setFormError(
        problemCode(error) === 'VALIDATION_FAILED' ? applyProblemToForm(error, setError, ['reason'], lang) : problemMessage(error, lang),
      );
    }
  });
  return (
    <ModalDialog open={grant !== null} onEscape={close} role="alertdialog" titleId={`${id}-title`} descriptionId={`${id}-desc`}>
      <h2 id={`${id}-title`} className="text-xl">
        {t('team.revokeTitle', { name: grant?.displayName ?? '' })}
      </h2>
      <p id={`${id}-desc`} className="mt-2">
        {t('team.revokeLead')}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-4 grid gap-4">
        {formError ? <Notice tone="error" title={formError} /> : null}
        <TextAreaField
          label={t('team.revokeReason')}
          hint={t('team.revokeReasonHint')}
          required
          maxLength={500}
          registration={register('reason')}
          error={fieldMessage(formState.errors.reason?.message, lang)}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <button
            ref={cancelRef}
            type="button"
            onClick={close}
            className="min-h-11 rounded-8 border-2 border-key bg-surface px-5 font-bold text-key hover:bg-key-light"
          >
            {t('team.cancel')}
          </button>
          <Button type="submit" variant="dangerSolid" busy={formState.isSubmitting}>
            {t('team.revokeSubmit')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** Who outside the council can see this case (grants and pending invitations); invite and revoke when allowed. */
export function CaseTeam({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const grants = useCaseGrants(detail.id, detail.abilities.readGrants);
  const [revoking, setRevoking] = useState<{ id: string; displayName: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.grants(detail.id) }, { cancelRefetch: false });

  if (grants.isPending) return <Loading />;
  if (grants.isError) return <ErrorNotice message={problemMessage(grants.error, lang)} onRetry={() => void grants.refetch()} />;
  const active = grants.data.items.filter((g) => !g.revokedAt);
  const revoked = grants.data.items.filter((g) => g.revokedAt);

  return (
    <div className="grid grid-cols-1 gap-5">
      {message ? <Notice tone="success" title={message} /> : null}
      {active.length === 0 ? <p className="text-ink-sub">{t('team.none')}</p> : null}
      {active.length > 0 ? (
        <ul className="grid grid-cols-1 gap-3" data-testid="grant-list">
          {active.map((g) => (
            <li
              key={g.id}
              className="flex flex-col gap-3 rounded-12 border border-line-light bg-surface p-4 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-bold" lang="ja">
                    {g.displayName}
                  </span>
                  <span className="rounded-full bg-key-light px-2 py-0.5 text-xs font-bold text-key">
                    {tc(`roleInCase.${g.roleInCase}`)}
                  </span>
                </p>
                <p className="text-sm text-ink-sub" lang="ja">
                  {g.organizationName ?? '—'}
                </p>
                <p className="text-sm text-ink-sub">
                  {t('team.grantedAt', { at: formatDateTimeJst(g.grantedAt, lang) })}
                  {' · '}
                  {g.expiresAt ? t('team.expiresAt', { at: formatDateJst(g.expiresAt, lang) }) : t('team.noExpiry')}
                </p>
              </div>
              {detail.abilities.manageGrants ? (
                <Button
                  variant="danger"
                  onClick={() => setRevoking({ id: g.id, displayName: g.displayName })}
                  aria-label={t('team.revokeNamed', { name: g.displayName })}
                >
                  {t('team.revoke')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {grants.data.pendingInvitations.length > 0 ? (
        <div>
          <h3 className="text-base">{t('team.pending')}</h3>
          <ul className="mt-2 grid gap-1 text-sm">
            {grants.data.pendingInvitations.map((p) => (
              <li key={`${p.email}-${p.expiresAt}`}>
                {p.email}（{tc(`roleInCase.${p.roleInCase}`)}）— {t('team.pendingUntil', { at: formatDateTimeJst(p.expiresAt, lang) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {revoked.length > 0 ? (
        <details className="rounded-8 border border-line-light p-3">
          <summary className="min-h-11 cursor-pointer font-bold">{t('team.revokedHeading', { count: revoked.length })}</summary>
          <ul className="mt-2 grid gap-1 text-sm text-ink-sub">
            {revoked.map((g) => (
              <li key={g.id}>
                {g.displayName}（{tc(`roleInCase.${g.roleInCase}`)}）—{' '}
                {t('team.revokedAt', { at: formatDateTimeJst(g.revokedAt ?? g.grantedAt, lang) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {detail.abilities.manageGrants ? (
        <div className="rounded-12 bg-surface-sub p-4 md:p-5">
          <InviteOutsiderForm caseId={detail.id} onInvited={() => void refresh()} />
        </div>
      ) : null}
      <RevokeDialog
        caseId={detail.id}
        grant={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(name) => {
          setRevoking(null);
          setMessage(t('team.revoked', { name }));
          void refresh();
        }}
      />
    </div>
  );
}
