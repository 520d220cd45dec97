import { useTranslation } from 'react-i18next';
import type { Council } from '@kasseika/contracts';

/** The offices of a council: 〒, the address exactly as printed, and a tap-to-call phone link. */
export function OfficeList({ council, headingLevel = 3 }: { council: Council; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('directory');
  const { t: tc } = useTranslation('common');
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const multiple = council.offices.length > 1;
  return (
    <ul className="grid gap-3">
      {council.offices.map((office, i) => (
        <li
          key={office.id}
          className={`rounded-8 border p-3 ${office.matched ? 'border-2 border-key bg-key-light' : 'border-line-light bg-surface-sub'}`}
        >
          {multiple ? <H className="text-sm font-bold text-ink-sub">{t('council.office', { n: i + 1 })}</H> : null}
          {office.matched ? <p className="text-sm font-bold text-key">{t('council.matchedOffice')}</p> : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-sm text-ink-sub">{t('council.postalCode')}</dt>
            <dd data-testid="office-postal-code">〒{office.postalCode}</dd>
            <dt className="text-sm text-ink-sub">{t('council.address')}</dt>
            <dd lang="ja" className="address-exact" data-testid="office-address">
              {office.address}
            </dd>
            <dt className="text-sm text-ink-sub">{t('council.phone')}</dt>
            <dd>
              <a
                href={office.telUri}
                className="inline-flex min-h-11 items-center text-lg font-bold"
                data-testid="office-phone"
                aria-label={tc('callLabel', { name: council.name, phone: office.phone })}
              >
                {office.phone}
              </a>
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
