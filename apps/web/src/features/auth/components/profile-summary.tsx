import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '@kasseika/contracts';

/** Name, email and the organisations (with roles) the account belongs to. */
export function ProfileSummary({ session }: { session: SessionStatus }) {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  if (!session.user) return null;
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
      <dt className="font-bold">{t('profile.name')}</dt>
      <dd lang="ja">{session.user.displayName}</dd>
      <dt className="font-bold">{t('profile.email')}</dt>
      <dd className="break-all">{session.user.email}</dd>
      <dt className="font-bold">{t('profile.organizations')}</dt>
      <dd>
        <ul className="grid grid-cols-1 gap-1">
          {session.memberships.map((m) => (
            <li key={m.id}>
              <span lang="ja">{m.organizationName}</span>
              <span className="text-ink-sub">（{m.roles.map((r) => tc(`roles.${r}`, { defaultValue: r })).join('、')}）</span>
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
