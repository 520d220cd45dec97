import { describe, expect, it } from 'vitest';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { inviteToCaseBodySchema } from '@kasseika/contracts';
import { ApiError } from './api';
import { applyProblemToForm, contractResolver, fieldMessage } from './form-errors';

function collector() {
  const calls: { name: string; message: string | undefined; focus: boolean | undefined }[] = [];
  const setError: UseFormSetError<FieldValues> = (name, error, options) => {
    calls.push({ name, message: error.message, focus: options?.shouldFocus });
  };
  return { calls, setError };
}

const problem = (errors: { pointer: string; code: string; ja: string; en: string }[]) =>
  new ApiError(422, {
    type: 'urn:kasseika:problem:validation-failed',
    title: '入力内容に誤りがあります',
    status: 422,
    code: 'VALIDATION_FAILED',
    requestId: 'r1',
    messages: { title: { ja: '入力内容に誤りがあります', en: 'The input is not valid' } },
    errors: errors.map((e) => ({ pointer: e.pointer, code: e.code, message: { ja: e.ja, en: e.en } })),
  });

describe('server field errors on the form', () => {
  it('puts each issue on its field by JSON pointer, focusing the first, and returns what has no field', () => {
    const { calls, setError } = collector();
    const rest = applyProblemToForm(
      problem([
        { pointer: '/body/password', code: 'password.guessable', ja: 'よく使われるパスワードは使えません', en: 'Too easy to guess' },
        { pointer: '/body/email', code: 'email.format', ja: 'x', en: 'x' },
        { pointer: '/body/token', code: 'token.format', ja: 'リンクが正しくありません', en: 'The link is not valid' },
      ]),
      setError,
      ['password', 'email'],
      'ja',
    );
    expect(calls).toEqual([
      { name: 'password', message: 'よく使われるパスワードは使えません', focus: true },
      // Known keys stay keys, so the message follows the language switch.
      { name: 'email', message: 'email.format', focus: false },
    ]);
    expect(rest).toBe('リンクが正しくありません');
    expect(fieldMessage('email.format', 'en')).toBe('Enter a valid email address (e.g. taro@example.jp)');
  });
});

describe('the contract resolver', () => {
  it('validates the request body the form would send, with the API’s own messages', async () => {
    const resolver = contractResolver(inviteToCaseBodySchema, (v: { bankCode: string }) => ({
      email: 'a@b.jp',
      displayName: '名前',
      roleInCase: 'bank',
      organizationName: '銀行',
      bankCode: v.bankCode,
    }));
    const bad = await resolver({ bankCode: '12a' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(bad.errors).toMatchObject({ bankCode: { message: 'bankCode.format' } });
    const good = await resolver({ bankCode: '0001' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(good.errors).toEqual({});
    expect(good.values).toMatchObject({ bankCode: '0001', roleInCase: 'bank' });
  });
});
