import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { displayNameSchema, type InvitationPreview, type SessionStatus } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateTimeJst } from '../../../lib/format';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { PRIVATE } from '../../../lib/private-query';
import { acceptInvitation, previewInvitation } from '../api/sign-in';
import { MATCH_KEY, NewPasswordFields } from './password-reset';

const newAccountSchema = z
  .object({ displayName: displayNameSchema, password: z.string().min(1, 'password.required'), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: MATCH_KEY });

interface NewAccountValues {
  displayName: string;
  password: string;
  confirm: string;
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t, i18n } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <dl className="grid gap-x-4 gap-y-2 rounded-12 bg-surface-sub p-4 sm:grid-cols-[auto_1fr]">
      <dt className="font-bold">{t('invitation.organization')}</dt>
      <dd lang="ja">{preview.organizationName}</dd>
      <dt className="font-bold">{t('invitation.roles')}</dt>
      <dd>{preview.roles.map((r) => tc(`roles.${r}`)).join('、')}</dd>
      {preview.caseReferenceNo ? (
        <>
          <dt className="font-bold">{t('invitation.case')}</dt>
          <dd>{preview.caseReferenceNo}</dd>
        </>
      ) : null}
      <dt className="font-bold">{t('invitation.inviter')}</dt>
      <dd lang="ja">{preview.inviter}</dd>
      <dt className="font-bold">{t('invitation.email')}</dt>
      <dd className="break-all">{preview.email}</dd>
      <dt className="font-bold">{t('invitation.expires')}</dt>
      <dd>{formatDateTimeJst(preview.expiresAt, lang)}</dd>
    </dl>
  );
}

function NewAccountForm({
  token,
  preview,
  onAccepted,
}: {
  token: string;
  preview: InvitationPreview;
  onAccepted: (state: 'enrol_mfa' | 'pending_mfa' | 'active') => Promise<void>;
}) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewAccountValues>({
    defaultValues: { displayName: preview.displayName, password: '', confirm: '' },
    resolver: contractResolver(newAccountSchema),
  });
  const { register, handleSubmit, formState, setError } = form;
  const submit = handleSubmit(async ({ displayName, password }) => {
    setFormError(null);
    try {
      const result = await acceptInvitation({ token, displayName, password });
      await onAccepted(result.state);
    } catch (error) {
      setFormError(
        problemCode(error) === 'VALIDATION_FAILED'
          ? applyProblemToForm(error, setError, ['displayName', 'password'], lang)
          : problemMessage(error, lang),
      );
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-5">
      <h2 className="text-xl">{t('invitation.newAccountHeading')}</h2>
      <p className="text-sm text-ink-sub">{t('invitation.newAccountLead')}</p>
      {formError ? <Notice tone="error" title={formError} /> : null}
      <TextField
        label={t('invitation.displayName')}
        hint={t('invitation.displayNameHint')}
        autoComplete="name"
        required
        registration={register('displayName')}
        error={fieldMessage(formState.errors.displayName?.message, lang)}
      />
      <TextField label={t('invitation.email')} value={preview.email} readOnly autoComplete="username" hint={t('invitation.emailFixed')} />
      <NewPasswordFields
        password={register('password')}
        confirm={register('confirm')}
        errors={{ password: formState.errors.password?.message, confirm: formState.errors.confirm?.message }}
        lang={lang}
      />
      <div>
        <Button type="submit" busy={formState.isSubmitting}>
          {t('invitation.createAccount')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Accepting an invitation: what it is for, then a new account (name and password; a second factor is registered
 * next) or, for an existing account, acceptance after signing in as the invited address.
 */
export function AcceptInvitation({
  token,
  session,
  onAccepted,
  onSignInFirst,
  onSignOut,
}: {
  token: string;
  session: SessionStatus;
  onAccepted: (state: 'enrol_mfa' | 'pending_mfa' | 'active') => Promise<void>;
  onSignInFirst: (email: string) => void;
  onSignOut: () => void;
}) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = useQuery({
    queryKey: [PRIVATE, 'invitation', token],
    queryFn: () => previewInvitation(token),
    retry: false,
    staleTime: Infinity,
  });

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return problemCode(preview.error) === 'TOKEN_INVALID' || problemCode(preview.error) === 'VALIDATION_FAILED' ? (
      <Notice tone="error" title={t('invitation.invalidTitle')}>
        <p>{t('invitation.invalidBody')}</p>
      </Notice>
    ) : (
      <ErrorNotice message={problemMessage(preview.error, lang)} onRetry={() => void preview.refetch()} />
    );
  }
  const p = preview.data;
  const signedInAs = session.state === 'active' ? session.user?.email : null;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await acceptInvitation({ token });
      await onAccepted(result.state);
    } catch (e) {
      setError(problemMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid grid-cols-1 gap-6">
      <InvitationSummary preview={p} />
      {!p.accountExists ? (
        <NewAccountForm token={token} preview={p} onAccepted={onAccepted} />
      ) : signedInAs === p.email ? (
        <div className="grid grid-cols-1 gap-3">
          <p>{t('invitation.acceptLead')}</p>
          {error ? <Notice tone="error" title={error} /> : null}
          <div>
            <Button busy={busy} onClick={() => void accept()}>
              {t('invitation.accept')}
            </Button>
          </div>
        </div>
      ) : signedInAs ? (
        <Notice tone="warning" title={t('invitation.otherAccountTitle')}>
          <p>{t('invitation.otherAccountBody', { invited: p.email, current: signedInAs })}</p>
          <Button variant="secondary" className="mt-3" onClick={onSignOut}>
            {t('invitation.signOutFirst')}
          </Button>
        </Notice>
      ) : (
        <div className="grid grid-cols-1 gap-3">
          <p>{t('invitation.existingLead', { email: p.email })}</p>
          <div>
            <Button onClick={() => onSignInFirst(p.email)}>{t('invitation.signInToAccept')}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
