import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/button-link';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { useConsultationForm } from '../../features/intake/api/intake';
import { SelfCheck } from '../../features/intake/components/self-check';
import { QuickCheck } from '../../features/finance/components/quick-check';
import { langOf, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SECTION_CARD } from './page-heading';

/** Public: the self-check, the personal-guarantee guidelines in plain words, and the way to ask. */
export function ConsultationPage() {
  const { t, i18n } = useTranslation('intake');
  const choices = useConsultationForm();
  useDocumentTitle(t('guide.title'));
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl md:text-3xl">{t('guide.title')}</h1>
        <p className="mt-2 text-ink-sub">{t('guide.lead')}</p>
      </div>
      <section className={SECTION_CARD} aria-label={t('guide.title')}>
        {choices.isPending ? <Loading /> : null}
        {choices.isError ? (
          <ErrorNotice message={problemMessage(choices.error, langOf(i18n.language))} onRetry={() => void choices.refetch()} />
        ) : null}
        {choices.data ? (
          <SelfCheck
            choices={choices.data}
            renderFigures={(onFindings) => (
              <QuickCheck
                onResult={(r, years) => {
                  const latest = years.at(-1);
                  onFindings(
                    latest
                      ? {
                          ordinaryProfit: latest.ordinaryProfit,
                          netAssets: latest.netAssets,
                          borrowings: latest.borrowings,
                          debtRepaymentYears: r.years.at(-1)?.debtRepaymentYears.value ?? null,
                        }
                      : null,
                  );
                }}
              />
            )}
          />
        ) : null}
      </section>
      <section className={SECTION_CARD} aria-labelledby="guarantee-heading">
        <h2 id="guarantee-heading" className="text-xl">
          {t('guide.guarantee.heading')}
        </h2>
        <div className="mt-2 grid gap-2">
          <p>{t('guide.guarantee.p1')}</p>
          <p>{t('guide.guarantee.p2')}</p>
          <p>{t('guide.guarantee.p3')}</p>
          <p>{t('guide.guarantee.p4')}</p>
        </div>
      </section>
      <section className={SECTION_CARD} aria-labelledby="hq-heading">
        <h2 id="hq-heading" className="text-xl">
          {t('guide.hq.heading')}
        </h2>
        <p className="mt-2">{t('guide.hq.body')}</p>
        <p className="mt-2">
          <Link to="/councils">{t('guide.hq.findCouncil')}</Link>
        </p>
      </section>
      <div>
        <ButtonLink to="/consultation/request">{t('nav.consult')}</ButtonLink>
      </div>
    </div>
  );
}
