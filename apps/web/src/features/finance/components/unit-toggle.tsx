import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountInputUnit } from '@kasseika/domain';

/** 円 / 千円 switch of an amount grid (a radio group, keyboard operable). */
export function UnitToggle({ unit, onChange }: { unit: AmountInputUnit; onChange: (unit: AmountInputUnit) => void }) {
  const { t } = useTranslation('finance');
  const id = useId();
  return (
    <fieldset className="flex flex-wrap items-center gap-3">
      <legend className="sr-only">{t('unit.legend')}</legend>
      <span aria-hidden="true" className="font-bold">
        {t('unit.legend')}
      </span>
      {([1, 1000] as const).map((u) => (
        <label
          key={u}
          htmlFor={`${id}-${u}`}
          className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-8 border border-line bg-surface px-3 has-[:checked]:border-2 has-[:checked]:border-key has-[:checked]:font-bold"
        >
          <input
            id={`${id}-${u}`}
            type="radio"
            name={`${id}-unit`}
            checked={unit === u}
            onChange={() => onChange(u)}
            className="size-4 accent-key"
          />
          {u === 1 ? t('unit.yen') : t('unit.thousandYen')}
        </label>
      ))}
    </fieldset>
  );
}
