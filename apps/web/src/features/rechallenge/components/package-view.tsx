import { useTranslation } from 'react-i18next';
import type { RcPackage } from '@kasseika/contracts';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';
import { rcPackageDocumentHref } from '../api/rechallenge';

const yen = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
export const yenText = (n: number) => `${yen.format(n)}円`;
const TABLE =
  'w-full border-collapse text-sm break-words [&_td]:border-b [&_td]:border-line-light [&_td]:p-2 [&_th]:border-b [&_th]:p-2 [&_th]:text-left';

/**
 * The handover package as sealed: the chosen documents (listed with their version), the guarantors' 残存資産
 * figures, the statements' key figures and the advice — exactly what the company consents to and the lawyer reads.
 * With `downloadCaseId` (the referred lawyer's consented package), each document links to its packaged version.
 */
export function PackageView({ pkg, hash, downloadCaseId }: { pkg: RcPackage; hash: string; downloadCaseId?: string }) {
  const { t, i18n } = useTranslation('rechallenge');
  const lang = langOf(i18n.language);
  return (
    <div className="grid gap-4" data-testid="rc-package">
      <p className="text-sm text-ink-sub">
        {t('package.preparedAt', { at: formatDateTimeJst(pkg.preparedAt, lang) })} ·{' '}
        <span className="break-all">{t('package.hash', { hash: hash.slice(0, 16) })}</span>
      </p>
      {pkg.message ? (
        <div>
          <h4 className="font-bold">{t('package.message')}</h4>
          <p className="whitespace-pre-wrap">{pkg.message}</p>
        </div>
      ) : null}
      <div>
        <h4 className="font-bold">{t('package.documents')}</h4>
        {pkg.documents.length === 0 ? (
          <p className="text-ink-sub">{t('package.noDocuments')}</p>
        ) : (
          <ul className="list-disc pl-5">
            {pkg.documents.map((d) => (
              <li key={d.id}>
                {d.title}（{t('package.version', { version: d.version })} · {formatDateJst(d.uploadedAt, lang)}）
                {downloadCaseId && d.version > 0 ? (
                  <>
                    {' '}
                    <a
                      href={rcPackageDocumentHref(downloadCaseId, d.id, d.version)}
                      download
                      className="inline-flex min-h-11 items-center font-bold break-all"
                    >
                      {t('package.download', { title: d.title, version: d.version })}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {pkg.guarantors ? (
        <div>
          <h4 className="font-bold">{t('package.guarantors', { date: pkg.guarantorsReferenceDate ?? '' })}</h4>
          {pkg.guarantors.length === 0 ? (
            <p className="text-ink-sub">{t('package.noGuarantors')}</p>
          ) : (
            <div>
              <table className={TABLE}>
                <thead>
                  <tr>
                    <th scope="col">{t('package.name')}</th>
                    <th scope="col">{t('package.guaranteed')}</th>
                    <th scope="col">{t('package.assets')}</th>
                    <th scope="col">{t('package.residual')}</th>
                    <th scope="col">{t('package.remaining')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pkg.guarantors.map((g) => (
                    <tr key={g.name}>
                      <td>{g.name}</td>
                      <td className="tabular-nums">{yenText(g.guaranteedTotal)}</td>
                      <td className="tabular-nums">{yenText(g.assetsTotal)}</td>
                      <td className="tabular-nums">{yenText(g.residualAssets)}</td>
                      <td className="tabular-nums">{yenText(g.remainingGuaranteeDebt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
      {pkg.statements ? (
        <div>
          <h4 className="font-bold">{t('package.statements')}</h4>
          {pkg.statements.length === 0 ? (
            <p className="text-ink-sub">{t('package.noStatements')}</p>
          ) : (
            <div>
              <table className={TABLE}>
                <thead>
                  <tr>
                    <th scope="col">{t('package.fiscalYearEnd')}</th>
                    <th scope="col">{t('package.netSales')}</th>
                    <th scope="col">{t('package.ordinaryProfit')}</th>
                    <th scope="col">{t('package.borrowings')}</th>
                    <th scope="col">{t('package.netAssets')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pkg.statements.map((s) => (
                    <tr key={s.fiscalYearEnd}>
                      <td>{formatDateJst(s.fiscalYearEnd, lang)}</td>
                      <td className="tabular-nums">{yenText(s.netSales)}</td>
                      <td className="tabular-nums">{yenText(s.ordinaryProfit)}</td>
                      <td className="tabular-nums">{yenText(s.borrowings)}</td>
                      <td className="tabular-nums">{yenText(s.netAssets)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
      {pkg.advice ? (
        <div>
          <h4 className="font-bold">{t('package.advice')}</h4>
          {pkg.advice.length === 0 ? (
            <p className="text-ink-sub">{t('advice.empty')}</p>
          ) : (
            <ul className="grid gap-2">
              {pkg.advice.map((a, i) => (
                <li key={i} className="border-b border-line-light pb-2">
                  <span className="text-sm text-ink-sub">
                    {formatDateJst(a.advisedOn, lang)} · {t(`topic.${a.topic}`)}
                  </span>
                  <p className="whitespace-pre-wrap">{a.text}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
