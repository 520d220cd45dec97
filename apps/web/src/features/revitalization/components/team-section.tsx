import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  addRvStaffMemberBodySchema,
  appointRvExpertBodySchema,
  saveRvProfileBodySchema,
  type Revitalization,
  type RvTeamMember,
} from '@kasseika/contracts';
import {
  RV_EXPERT_DUTIES,
  RV_EXPERT_QUALIFICATIONS,
  RV_EXPERT_SCOPES,
  RV_STAFF_POSITIONS,
  RV_SUPPORT_KINDS,
  RV_TEAM_TYPES,
} from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst } from '../../../lib/format';
import { fieldMessage, problemMessage, type Lang } from '../../../lib/form-errors';
import { addStaff, appointExpert, endMember, revitalizationKeys, saveProfile } from '../api/revitalization';
import { useRvForm } from './use-rv-form';

const SUB_CARD = 'rounded-8 border border-line-light p-4';

type ConflictChoice = '' | 'none' | 'has';
const conflictOf = (choice: ConflictChoice, details: string) =>
  choice === '' ? undefined : { hasConflict: choice === 'has', ...(choice === 'has' ? { details } : {}) };

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: revitalizationKeys.record(caseId) }, { cancelRefetch: false }),
      queryClient.invalidateQueries({ queryKey: revitalizationKeys.case(caseId), exact: true }, { cancelRefetch: false }),
    ]);
}

interface ProfileValues {
  teamType: string;
  supportKind: string;
  forgivenessExpected: boolean;
}

function ProfileForm({ caseId, data }: { caseId: string; data: Revitalization }) {
  const { t } = useTranslation('revitalization');
  const refresh = useRefresh(caseId);
  const { form, submit, result, lang } = useRvForm<ProfileValues, typeof saveRvProfileBodySchema>({
    schema: saveRvProfileBodySchema,
    defaults: {
      teamType: data.profile?.teamType ?? '',
      supportKind: data.profile?.supportKind ?? 'revitalization',
      forgivenessExpected: data.profile?.forgivenessExpected ?? false,
    },
    fields: ['teamType', 'supportKind', 'forgivenessExpected'] as const,
    keepValues: true,
    send: async (body) => {
      await saveProfile(caseId, body);
      await refresh();
      return t('team.profileSaved');
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid gap-3" aria-label={t('team.profileForm')}>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="grid gap-3 md:grid-cols-3">
        <SelectField
          label={t('team.teamType')}
          required
          hint={t('team.teamTypeHint')}
          registration={form.register('teamType')}
          error={e.teamType ? t('team.teamTypeRequired') : undefined}
        >
          <option value="">{t('choose')}</option>
          {RV_TEAM_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`teamType.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('team.supportKind')}
          required
          registration={form.register('supportKind')}
          error={fieldMessage(e.supportKind?.message, lang)}
        >
          {RV_SUPPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`supportKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <label className="flex min-h-12 items-center gap-2 self-end font-bold">
          <input type="checkbox" className="size-6" {...form.register('forgivenessExpected')} />
          {t('team.forgivenessExpected')}
        </label>
      </div>
      <div>
        <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
          {t('team.saveProfile')}
        </Button>
      </div>
    </form>
  );
}

function ConflictFields({
  register,
  choiceError,
  detailsError,
  hint,
  showDetails,
}: {
  register: (name: 'conflict' | 'conflictDetails') => ReturnType<ReturnType<typeof useRvForm>['form']['register']>;
  choiceError?: string | undefined;
  detailsError?: string | undefined;
  hint: string;
  showDetails: boolean;
}) {
  const { t } = useTranslation('revitalization');
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <SelectField label={t('coi.label')} hint={hint} registration={register('conflict')} error={choiceError}>
        <option value="">{t('coi.notDeclared')}</option>
        <option value="none">{t('coi.none')}</option>
        <option value="has">{t('coi.has')}</option>
      </SelectField>
      {showDetails ? (
        <TextAreaField label={t('coi.details')} required registration={register('conflictDetails')} error={detailsError} />
      ) : null}
    </div>
  );
}

interface StaffValues {
  userId: string;
  position: string;
  secondedFromBank: string;
  bankIsCreditor: boolean;
  conflict: ConflictChoice;
  conflictDetails: string;
}

function StaffForm({ caseId, data }: { caseId: string; data: Revitalization }) {
  const { t } = useTranslation('revitalization');
  const refresh = useRefresh(caseId);
  const { form, submit, result, lang } = useRvForm<StaffValues, typeof addRvStaffMemberBodySchema>({
    schema: addRvStaffMemberBodySchema,
    defaults: { userId: '', position: 'pm', secondedFromBank: '', bankIsCreditor: false, conflict: '', conflictDetails: '' },
    fields: ['userId', 'position', 'secondedFromBank', 'bankIsCreditor', 'conflict'] as const,
    toBody: (v) => ({
      userId: v.userId,
      position: v.position,
      ...(v.secondedFromBank.trim() ? { secondedFromBank: v.secondedFromBank } : {}),
      bankIsCreditor: v.bankIsCreditor,
      ...(v.conflict ? { conflict: conflictOf(v.conflict, v.conflictDetails) } : {}),
    }),
    send: async (body) => {
      await addStaff(caseId, body);
      await refresh();
      return t('team.staffAdded');
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className={`grid gap-3 ${SUB_CARD}`} aria-label={t('team.addStaff')}>
      <h3 className="text-lg">{t('team.addStaff')}</h3>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField
          label={t('team.staffMember')}
          required
          registration={form.register('userId')}
          error={fieldMessage(e.userId?.message, lang)}
        >
          <option value="">{t('choose')}</option>
          {data.staffCandidates.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('team.position')} required registration={form.register('position')}>
          {RV_STAFF_POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(`position.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('team.secondedFromBank')}
          hint={t('team.secondedHint')}
          registration={form.register('secondedFromBank')}
          error={fieldMessage(e.secondedFromBank?.message, lang)}
        />
        <label className="flex min-h-12 items-center gap-2 self-end font-bold">
          <input type="checkbox" className="size-6" {...form.register('bankIsCreditor')} />
          {t('team.bankIsCreditor')}
        </label>
      </div>
      <ConflictFields
        register={(n) => form.register(n)}
        hint={t('coi.staffHint')}
        choiceError={fieldMessage(e.conflict?.message, lang)}
        showDetails={form.watch('conflict') === 'has'}
      />
      <div>
        <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
          {t('team.addStaff')}
        </Button>
      </div>
    </form>
  );
}

interface ExpertValues {
  displayName: string;
  email: string;
  organizationName: string;
  qualification: string;
  duty: string;
  scopes: string[];
  expiresOn: string;
  conflict: ConflictChoice;
  conflictDetails: string;
}

function ExpertForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('revitalization');
  const refresh = useRefresh(caseId);
  const { form, submit, result, lang } = useRvForm<ExpertValues, typeof appointRvExpertBodySchema>({
    schema: appointRvExpertBodySchema,
    defaults: {
      displayName: '',
      email: '',
      organizationName: '',
      qualification: 'cpa',
      duty: 'financial_dd',
      scopes: ['case.read', 'documents.team', 'documents.upload'],
      expiresOn: '',
      conflict: '',
      conflictDetails: '',
    },
    fields: ['displayName', 'email', 'organizationName', 'qualification', 'duty', 'scopes', 'expiresOn', 'conflict'] as const,
    toBody: (v) => ({
      displayName: v.displayName,
      email: v.email,
      organizationName: v.organizationName,
      qualification: v.qualification,
      duty: v.duty,
      scopes: v.scopes,
      expiresOn: v.expiresOn,
      conflict: conflictOf(v.conflict, v.conflictDetails),
    }),
    send: async (body) => {
      await appointExpert(caseId, body);
      await refresh();
      return t('team.expertAppointed', { email: body.email });
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className={`grid gap-3 ${SUB_CARD}`} aria-label={t('team.appointExpert')}>
      <h3 className="text-lg">{t('team.appointExpert')}</h3>
      <p className="text-sm text-ink-sub">{t('team.appointLead')}</p>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="grid gap-3 md:grid-cols-3">
        <TextField
          label={t('team.expertName')}
          required
          registration={form.register('displayName')}
          error={fieldMessage(e.displayName?.message, lang)}
        />
        <TextField
          label={t('team.expertEmail')}
          type="email"
          autoComplete="off"
          required
          registration={form.register('email')}
          error={fieldMessage(e.email?.message, lang)}
        />
        <TextField
          label={t('team.expertOrganization')}
          required
          registration={form.register('organizationName')}
          error={fieldMessage(e.organizationName?.message, lang)}
        />
        <SelectField label={t('team.qualification')} required registration={form.register('qualification')}>
          {RV_EXPERT_QUALIFICATIONS.map((q) => (
            <option key={q} value={q}>
              {t(`qualification.${q}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('team.duty')} required registration={form.register('duty')}>
          {RV_EXPERT_DUTIES.map((d) => (
            <option key={d} value={d}>
              {t(`duty.${d}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('team.expiresOn')}
          type="date"
          required
          hint={t('team.expiresHint')}
          registration={form.register('expiresOn')}
          error={fieldMessage(e.expiresOn?.message, lang)}
        />
      </div>
      <CheckboxGroup
        legend={t('team.scopes')}
        hint={t('team.scopesHint')}
        required
        options={RV_EXPERT_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
        registration={form.register('scopes')}
        error={fieldMessage(e.scopes?.message, lang)}
      />
      <ConflictFields
        register={(n) => form.register(n)}
        hint={t('coi.expertHint')}
        choiceError={fieldMessage(e.conflict?.message, lang)}
        showDetails={form.watch('conflict') === 'has'}
      />
      <div>
        <Button type="submit" busy={form.formState.isSubmitting}>
          {t('team.appointExpert')}
        </Button>
      </div>
    </form>
  );
}

function MemberRow({ caseId, member, lang, canEnd }: { caseId: string; member: RvTeamMember; lang: Lang; canEnd: boolean }) {
  const { t } = useTranslation('revitalization');
  const refresh = useRefresh(caseId);
  const [error, setError] = useState<string | null>(null);
  const role =
    member.kind === 'staff'
      ? t(`position.${member.position ?? 'staff'}`)
      : `${t(`qualification.${member.qualification ?? 'other'}`)} · ${t(`duty.${member.duty ?? 'other'}`)}`;
  return (
    <tr className="border-b border-line-light align-top">
      <th scope="row" className="py-2 pr-3 text-left font-bold">
        {member.name}
        <span className="block text-sm font-normal text-ink-sub">
          {member.kind === 'expert'
            ? (member.organization ?? '')
            : member.secondedFromBank
              ? t('team.secondedFrom', { bank: member.secondedFromBank })
              : ''}
        </span>
      </th>
      <td className="py-2 pr-3">{role}</td>
      <td className="py-2 pr-3">
        {member.kind === 'expert' ? (
          <>
            <span className="font-bold">{t(`grantStatus.${member.grantStatus ?? 'invited'}`)}</span>
            <span className="block text-sm text-ink-sub">
              {t('team.until', { date: member.expiresOn ? formatDateJst(member.expiresOn, lang) : '—' })}
            </span>
            <span className="block text-sm text-ink-sub">{member.scopes.map((s) => t(`scope.${s}`, { defaultValue: s })).join('、')}</span>
          </>
        ) : (
          t('team.councilStaff')
        )}
      </td>
      <td className="py-2 pr-3">
        {member.conflict === null ? (
          <span className="text-ink-sub">{t('coi.notDeclared')}</span>
        ) : member.conflict.hasConflict ? (
          <span>
            <span className="font-bold text-error">{t('coi.has')}</span>
            <span className="block whitespace-pre-wrap text-sm">{member.conflict.details}</span>
          </span>
        ) : (
          t('coi.none')
        )}
      </td>
      <td className="py-2">
        {canEnd ? (
          <Button
            variant="secondary"
            onClick={() => {
              setError(null);
              endMember(caseId, member.id)
                .then(refresh)
                .catch((e: unknown) => setError(problemMessage(e, lang)));
            }}
          >
            {t('team.end', { name: member.name })}
          </Button>
        ) : null}
        {error ? <Notice tone="error" title={error} /> : null}
      </td>
    </tr>
  );
}

/** The individual support team (個別支援チーム, REFERENCE §3.2): type, members, appointments and declarations. */
export function TeamSection({ caseId, data, lang }: { caseId: string; data: Revitalization; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const write = data.abilities.write;
  return (
    <div className="grid gap-4">
      {write ? (
        <ProfileForm caseId={caseId} data={data} />
      ) : data.profile ? (
        <p>
          {t(`teamType.${data.profile.teamType}`)} · {t(`supportKind.${data.profile.supportKind}`)}
        </p>
      ) : null}
      {data.compositionNotes.map((n) => (
        <Notice key={n.code} tone="warning" title={n.message[lang]} />
      ))}
      {data.team.length === 0 ? (
        <p className="text-ink-sub">{t('team.empty')}</p>
      ) : (
        <div className="relative max-w-full overflow-x-auto" role="region" aria-label={t('team.members')} tabIndex={-1}>
          <table className="w-full min-w-[40rem] text-left" data-testid="rv-team">
            <caption className="sr-only">{t('team.members')}</caption>
            <thead>
              <tr className="border-b border-line text-sm">
                <th scope="col" className="py-2 pr-3">
                  {t('team.colName')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('team.colRole')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('team.colAccess')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('team.colConflict')}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t('team.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.team.map((m) => (
                <MemberRow key={m.id} caseId={caseId} member={m} lang={lang} canEnd={write} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {write ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <StaffForm caseId={caseId} data={data} />
          {data.abilities.appointExperts ? <ExpertForm caseId={caseId} /> : null}
        </div>
      ) : null}
    </div>
  );
}
