import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addRvStaffMemberBodySchema, appointRvExpertBodySchema, type Revitalization } from '@kasseika/contracts';
import { RV_EXPERT_DUTIES, RV_EXPERT_QUALIFICATIONS, RV_EXPERT_SCOPES, RV_STAFF_POSITIONS } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { fieldMessage } from '../../../lib/form-errors';
import { addStaff, appointExpert, revitalizationKeys } from '../api/revitalization';
import { useRvForm } from './use-rv-form';

export const SUB_CARD = 'rounded-8 border border-line-light p-4';

export type ConflictChoice = '' | 'none' | 'has';
export const conflictOf = (choice: ConflictChoice, details: string) =>
  choice === '' ? undefined : { hasConflict: choice === 'has', ...(choice === 'has' ? { details } : {}) };

export function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: revitalizationKeys.record(caseId) }, { cancelRefetch: false }),
      queryClient.invalidateQueries({ queryKey: revitalizationKeys.case(caseId), exact: true }, { cancelRefetch: false }),
    ]);
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

export function StaffForm({ caseId, data }: { caseId: string; data: Revitalization }) {
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

export function ExpertForm({ caseId }: { caseId: string }) {
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
