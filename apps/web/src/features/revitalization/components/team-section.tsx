import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveRvProfileBodySchema, type Revitalization, type RvTeamMember } from '@kasseika/contracts';
import { RV_SUPPORT_KINDS, RV_TEAM_TYPES } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import { fieldMessage, type Lang } from '../../../lib/form-errors';
import { saveProfile } from '../api/revitalization';
import { EndMemberDialog } from './end-member-dialog';
import { useRvForm } from './use-rv-form';
import { ExpertForm, StaffForm, useRefresh } from './team-forms';

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

function EndedNote({ member, lang }: { member: RvTeamMember; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const ended = member.ended;
  if (!ended) return null;
  return (
    <span className="block" data-testid="rv-member-ended">
      <span className="font-bold">{ended.endKind ? t('end.status', { kind: t(`endKind.${ended.endKind}`) }) : t('grantStatus.ended')}</span>
      <span className="block text-sm text-ink-sub">
        {t('end.endedBy', {
          date: formatDateJst(ended.endedOn ?? ended.endedAt, lang),
          name: ended.endedByName ?? '—',
          at: formatDateTimeJst(ended.endedAt, lang),
        })}
      </span>
      {ended.reason ? <span className="block whitespace-pre-wrap text-sm">{ended.reason}</span> : null}
    </span>
  );
}

function MemberRow({ member, lang, onEnd }: { member: RvTeamMember; lang: Lang; onEnd: ((m: RvTeamMember) => void) | null }) {
  const { t } = useTranslation('revitalization');
  const role =
    member.kind === 'staff'
      ? t(`position.${member.position ?? 'staff'}`)
      : `${t(`qualification.${member.qualification ?? 'other'}`)} · ${t(`duty.${member.duty ?? 'other'}`)}`;
  return (
    <tr className={`border-b border-line-light align-top ${member.ended ? 'bg-surface-sub' : ''}`}>
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
        {member.ended ? (
          <EndedNote member={member} lang={lang} />
        ) : member.kind === 'expert' ? (
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
        {onEnd && !member.ended ? (
          <Button variant="secondary" onClick={() => onEnd(member)}>
            {t('team.end', { name: member.name })}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}

/** The individual support team (個別支援チーム, REFERENCE §3.2): type, members, appointments and declarations. */
export function TeamSection({ caseId, data, lang }: { caseId: string; data: Revitalization; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const refresh = useRefresh(caseId);
  const write = data.abilities.write;
  const [ending, setEnding] = useState<RvTeamMember | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  // An expert's end revokes the case grant: only those who may manage grants may end it (as the server checks).
  const endable = (m: RvTeamMember) => write && (m.kind === 'staff' || data.abilities.appointExperts);
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
                <MemberRow
                  key={m.id}
                  member={m}
                  lang={lang}
                  onEnd={
                    endable(m)
                      ? (member) => {
                          setEnded(null);
                          setEnding(member);
                        }
                      : null
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ended ? <Notice tone="success" title={ended} /> : null}
      <EndMemberDialog
        caseId={caseId}
        member={ending}
        lang={lang}
        onClose={() => setEnding(null)}
        onEnded={async (name) => {
          setEnding(null);
          setEnded(t('end.done', { name }));
          await refresh();
        }}
      />
      {write ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <StaffForm caseId={caseId} data={data} />
          {data.abilities.appointExperts ? <ExpertForm caseId={caseId} /> : null}
        </div>
      ) : null}
    </div>
  );
}
