import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { councilRoleSchema, type CouncilMemberList } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { CheckboxGroup } from '../../../components/ui/form-field';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst } from '../../../lib/format';
import { contractResolver, fieldMessage, langOf, problemMessage } from '../../../lib/form-errors';
import { COUNCIL_ROLES, memberKeys, updateMember, type CouncilRole } from '../api/members';

type Member = CouncilMemberList['items'][number];

/** Roles in their usual order (PM, SM, staff, administrator), whatever order the server keeps them in. */
const inRoleOrder = (roles: readonly CouncilRole[]) => [...roles].sort((a, b) => COUNCIL_ROLES.indexOf(a) - COUNCIL_ROLES.indexOf(b));

const rolesSchema = z.object({ roles: z.array(councilRoleSchema).min(1, 'roles.required').max(4) });

function RolesDialog({
  member,
  onClose,
  onSave,
}: {
  member: Member | null;
  onClose: () => void;
  onSave: (roles: CouncilRole[]) => Promise<void>;
}) {
  const { t, i18n } = useTranslation('members');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ roles: CouncilRole[] }>({ values: { roles: member?.roles ?? [] }, resolver: contractResolver(rolesSchema) });
  const { register, handleSubmit, formState } = form;
  const submit = handleSubmit(async ({ roles }) => {
    setError(null);
    try {
      await onSave(roles);
    } catch (e) {
      setError(problemMessage(e, lang));
    }
  });
  return (
    <ModalDialog open={member !== null} onEscape={onClose} titleId={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-xl">
        {t('table.rolesTitle', { name: member?.displayName ?? '' })}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-4 grid gap-4">
        {error ? <Notice tone="error" title={error} /> : null}
        <CheckboxGroup
          legend={t('invite.roles')}
          hint={t('invite.rolesHint')}
          required
          options={COUNCIL_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
          registration={register('roles')}
          error={fieldMessage(formState.errors.roles?.message, lang)}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            {t('table.cancel')}
          </Button>
          <Button type="submit" busy={formState.isSubmitting}>
            {t('table.save')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The council's staff: roles, status; change roles and disable / enable when the server allows it. */
export function MemberTable({ councilSlug, list }: { councilSlug: string; list: CouncilMemberList }) {
  const { t, i18n } = useTranslation('members');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Member | null>(null);
  const [toggling, setToggling] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.list(councilSlug) }, { cancelRefetch: false });

  const saveRoles = async (roles: CouncilRole[]) => {
    if (!editing) return;
    await updateMember(councilSlug, editing.membershipId, { roles });
    setMessage({ tone: 'success', text: t('table.rolesSaved', { name: editing.displayName }) });
    setEditing(null);
    await refresh();
  };

  const toggle = async () => {
    if (!toggling) return;
    setBusy(true);
    const next = toggling.status === 'active' ? 'disabled' : 'active';
    try {
      await updateMember(councilSlug, toggling.membershipId, { status: next });
      setMessage({ tone: 'success', text: t(next === 'disabled' ? 'table.disabled' : 'table.enabled', { name: toggling.displayName }) });
      await refresh();
    } catch (e) {
      setMessage({ tone: 'error', text: problemMessage(e, lang) });
    } finally {
      setBusy(false);
      setToggling(null);
    }
  };

  return (
    <div className="grid grid-cols-1 gap-4">
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      <div className="overflow-x-auto rounded-12 border border-line-light bg-surface">
        <table className="w-full min-w-[44rem] border-collapse text-left" data-testid="member-table">
          <caption className="sr-only">{t('table.caption')}</caption>
          <thead className="bg-surface-sub text-sm">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t('table.name')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('table.roles')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('table.status')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('table.joined')}
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.membershipId} className="border-t border-line-light align-top">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="block font-bold" lang="ja">
                    {m.displayName}
                  </span>
                  <span className="block text-sm break-all text-ink-sub">{m.email}</span>
                </th>
                <td className="px-4 py-3">
                  {inRoleOrder(m.roles)
                    .map((r) => tc(`roles.${r}`))
                    .join('、')}
                </td>
                <td className="px-4 py-3">
                  <span
                    className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-bold ${m.status === 'active' ? 'bg-key-light text-key' : 'bg-surface-sub text-ink-sub'}`}
                  >
                    <span aria-hidden="true">{m.status === 'active' ? '●' : '○'}</span>
                    {t(`table.statusValue.${m.status}`)}
                  </span>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{formatDateJst(m.joinedAt, lang)}</td>
                <td className="px-4 py-3">
                  {m.abilities.update ? (
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        className="!px-3 text-sm"
                        onClick={() => setEditing(m)}
                        aria-label={t('table.changeRolesNamed', { name: m.displayName })}
                      >
                        {t('table.changeRoles')}
                      </Button>
                      <Button
                        variant="danger"
                        className="!px-3 text-sm"
                        onClick={() => setToggling(m)}
                        aria-label={t(m.status === 'active' ? 'table.disableNamed' : 'table.enableNamed', { name: m.displayName })}
                      >
                        {m.status === 'active' ? t('table.disable') : t('table.enable')}
                      </Button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.pendingInvitations.length > 0 ? (
        <section aria-labelledby="pending-heading" className="rounded-12 bg-surface p-4 shadow-1">
          <h2 id="pending-heading" className="text-lg">
            {t('table.pending')}
          </h2>
          <ul className="mt-2 grid gap-1 text-sm" data-testid="pending-invitations">
            {list.pendingInvitations.map((p) => (
              <li key={`${p.email}-${p.expiresAt}`}>
                {p.email}（{p.roles.map((r) => tc(`roles.${r}`)).join('、')}）—{' '}
                {t('table.pendingUntil', { at: formatDateJst(p.expiresAt, lang) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RolesDialog member={editing} onClose={() => setEditing(null)} onSave={saveRoles} />
      <ConfirmDialog
        open={toggling !== null}
        title={
          toggling?.status === 'active'
            ? t('table.disableTitle', { name: toggling.displayName })
            : t('table.enableTitle', { name: toggling?.displayName ?? '' })
        }
        confirmLabel={toggling?.status === 'active' ? t('table.disable') : t('table.enable')}
        cancelLabel={t('table.cancel')}
        danger={toggling?.status === 'active'}
        busy={busy}
        onCancel={() => setToggling(null)}
        onConfirm={() => void toggle()}
      >
        <p>{toggling?.status === 'active' ? t('table.disableBody') : t('table.enableBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
