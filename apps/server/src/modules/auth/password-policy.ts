import type { FieldIssue } from '@kasseika/contracts';

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'admin123',
  'letmein123',
  'welcome123',
  'kasseika',
  'kasseika123',
  'abc12345',
  '11111111',
  '00000000',
  'password1234',
  'p@ssw0rd',
  'changeme',
  'changeme123',
]);

/**
 * NIST SP 800-63B style: long enough (12–128 characters), not a well-known password, not the email address; no
 * composition rules, any characters (全角 too).
 */
export function checkPasswordPolicy(password: string, email: string, pointer = '/body/password'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const length = Array.from(password).length; // code points, not UTF-16 units
  if (length < 12 || length > 128) {
    issues.push({
      pointer,
      code: 'password.length',
      message: { ja: 'パスワードは12文字以上128文字以内で設定してください', en: 'Use a password of 12 to 128 characters' },
    });
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase()) {
    issues.push({
      pointer,
      code: 'password.guessable',
      message: {
        ja: 'よく使われるパスワードやメールアドレスと同じものは使えません。別のパスワードを設定してください',
        en: 'This password is too easy to guess (a common password or your email). Choose another one',
      },
    });
  }
  return issues;
}
