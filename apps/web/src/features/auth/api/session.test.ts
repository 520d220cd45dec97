import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '@kasseika/contracts';
import { landingPath, safeNext } from './session';
import { tokenFromFragment } from './sign-in';

describe('return addresses after sign-in', () => {
  it('keeps paths of this site and refuses everything that could leave it', () => {
    expect(safeNext('/cases?q=%E3%83%87%E3%83%A2')).toBe('/cases?q=%E3%83%87%E3%83%A2');
    expect(safeNext('/cases/123/access-log')).toBe('/cases/123/access-log');
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', 42, null, undefined]) {
      expect(safeNext(bad), String(bad)).toBeUndefined();
    }
    // Never back into the sign-in steps themselves.
    expect(safeNext('/sign-in/verify')).toBeUndefined();
    expect(safeNext('/sign-in?next=/cases')).toBeUndefined();
  });

  it('goes to the work list when the server allows it, else to the account page', () => {
    const base = { abilities: {} } as unknown as SessionStatus;
    expect(landingPath({ ...base, abilities: { 'cases.list': true } }, undefined)).toBe('/cases');
    expect(landingPath(base, undefined)).toBe('/account');
    expect(landingPath(base, '/council/members')).toBe('/council/members');
  });
});

describe('tokens of emailed links', () => {
  it('reads #token=… and nothing else', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AB';
    expect(tokenFromFragment(`#token=${token}`)).toBe(token);
    expect(tokenFromFragment(`#x=1&token=${token}`)).toBe(token);
    expect(tokenFromFragment('#token=short')).toBeNull();
    expect(tokenFromFragment('#token=has spaces in it and more text')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
  });
});
