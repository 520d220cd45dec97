import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseGuarantors } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { langOf } from '../../../lib/form-errors';

type Guarantor = CaseGuarantors['guarantors'][number];

const yenFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/** An amount in yen, e.g. 4,620,000円 / ¥4,620,000. */
export function Yen({ value }: { value: number }) {
  const { i18n } = useTranslation();
  const text = yenFormat.format(value);
  return <span className="tabular-nums">{langOf(i18n.language) === 'en' ? `¥${text}` : `${text}円`}</span>;
}

/**
 * One guarantor: who, and the 残存資産 estimate in figures a PM can discuss with the lawyer and the banks; the
 * full calculation (`explanation`) is rendered by the page with the finance steps list.
 */
export function GuarantorCard({
  guarantor: g,
  index,
  explanation,
  onEdit,
  onDelete,
}: {
  guarantor: Guarantor;
  index: number;
  explanation: ReactNode;
  onEdit: (() => void) | null;
  onDelete: (() => void) | null;
}) {
  const { t, i18n } = useTranslation('guarantors');
  const lang = langOf(i18n.language);
  const e = g.estimate;
  const headingId = `guarantor-${index}-heading`;
  const rows: [string, ReactNode][] = [
    [
      t('card.residualAssets'),
      <>
        <strong className="text-lg">
          <Yen value={e.residualAssets} />
        </strong>
        <span className="block text-sm text-ink-sub">
          {t('card.range')} <Yen value={e.range.min} /> 〜 <Yen value={e.range.max} />
        </span>
      </>,
    ],
    [t('card.assetsTotal'), <Yen key="a" value={e.assetsTotal} />],
    [t('card.homeKept'), <Yen key="h" value={e.homeKept} />],
    [t('card.available'), <Yen key="v" value={e.availableForRepayment} />],
    [t('card.guaranteedTotal'), <Yen key="g" value={e.guaranteedTotal} />],
    [t('card.remaining'), <Yen key="r" value={e.remainingGuaranteeDebt} />],
  ];
  return (
    <article aria-labelledby={headingId} className="rounded-12 border border-line bg-surface p-4 md:p-6">
      <div className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
        <div>
          <h2 id={headingId} className="text-xl">
            {g.name}
          </h2>
          <p className="text-sm text-ink-sub">
            {t(`relationship.${g.relationship}`)} · {e.age === null ? t('card.ageUnknown') : t('card.age', { age: e.age })} ·{' '}
            {t(`workoutType.${g.workoutType}`)}
          </p>
        </div>
        <div className="flex gap-2">
          {onEdit ? (
            <Button variant="secondary" onClick={onEdit}>
              {t('card.edit')}
              <span className="sr-only">{g.name}</span>
            </Button>
          ) : null}
          {onDelete ? (
            <Button variant="danger" onClick={onDelete}>
              {t('card.delete')}
              <span className="sr-only">{g.name}</span>
            </Button>
          ) : null}
        </div>
      </div>
      {e.warnings.length > 0 ? (
        <Notice tone="warning" className="mt-3" title={t('card.warnings')}>
          <ul className="list-disc pl-5">
            {e.warnings.map((w) => (
              <li key={w.en}>{w[lang]}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label} className="border-l-4 border-key-100 pl-3">
            <dt className="text-sm text-ink-sub">{label}</dt>
            <dd className="font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 grid gap-2 md:grid-cols-2">
        <div>
          <h3 className="text-base">{t('card.guarantees')}</h3>
          {g.guarantees.length === 0 ? (
            <p className="text-sm text-ink-sub">{t('card.none')}</p>
          ) : (
            <ul className="text-sm">
              {g.guarantees.map((x, i) => (
                <li key={i} className="flex justify-between gap-4 border-b border-line-light py-1">
                  <span>{x.creditorName}</span>
                  <Yen value={x.amount} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-base">{t('card.assets')}</h3>
          {g.assets.length === 0 ? (
            <p className="text-sm text-ink-sub">{t('card.none')}</p>
          ) : (
            <ul className="text-sm">
              {g.assets.map((a, i) => (
                <li key={i} className="flex justify-between gap-4 border-b border-line-light py-1">
                  <span>
                    {t(`assetKind.${a.kind}`)}
                    {a.description ? `（${a.description}）` : ''}
                  </span>
                  <Yen value={a.value} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {g.note ? <p className="mt-3 text-sm whitespace-pre-wrap">{g.note}</p> : null}
      <div className="mt-2">{explanation}</div>
    </article>
  );
}
