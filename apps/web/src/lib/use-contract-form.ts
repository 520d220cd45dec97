import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, contractResolver, langOf, problemCode, problemMessage } from './form-errors';

/**
 * A form checked by its contract (case work, 再チャレンジ …): contract validation on the client, the server's field issues put back on the fields, and one
 * result message (success or what could not be tied to a field).
 */
export function useContractForm<T extends FieldValues, S extends z.ZodType>(opts: {
  schema: S;
  defaults: DefaultValues<T>;
  fields: readonly Path<T>[];
  toBody?: (v: T) => unknown;
  send: (body: z.output<S>) => Promise<string>;
  /** The values after a successful send (default: `defaults`), e.g. when the send changed what a field should default to. */
  resetValues?: () => DefaultValues<T>;
}) {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<T, unknown, z.output<S>>({
    defaultValues: opts.defaults,
    resolver: contractResolver<T, S>(opts.schema, opts.toBody),
  });
  const submit = form.handleSubmit(async (body) => {
    setResult(null);
    try {
      const text = await opts.send(body);
      form.reset(opts.resetValues?.());
      setResult({ tone: 'success', text });
    } catch (error) {
      const rest =
        problemCode(error) === 'VALIDATION_FAILED'
          ? applyProblemToForm(error, form.setError, opts.fields, lang)
          : problemMessage(error, lang);
      if (rest) setResult({ tone: 'error', text: rest });
    }
  });
  return { form, submit, result, lang };
}
