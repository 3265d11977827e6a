import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import { CORS_ERRORS, type CorsErrorName } from '../../../../src/core/types';
import { blocked, makeTx } from './fixtures';

// Reference §7: the 26 names current Chromium reports; the rest are older names.
const CURRENT = CORS_ERRORS.slice(0, CORS_ERRORS.indexOf('NoCorsRedirectModeNotFollow') + 1);

// An actual value that the wording must carry, for the errors that have one (failedParameter, §7).
const ACTUAL_VALUE: Partial<Record<CorsErrorName, string>> = {
  MultipleAllowOriginValues: 'https://a.example, https://b.example',
  InvalidAllowOriginValue: 'a.example',
  AllowOriginMismatch: 'https://b.example',
  InvalidAllowCredentials: 'yes',
  PreflightMultipleAllowOriginValues: 'https://a.example, https://b.example',
  PreflightInvalidAllowOriginValue: 'a.example',
  PreflightAllowOriginMismatch: 'https://b.example',
  PreflightInvalidAllowCredentials: 'yes',
  PreflightInvalidStatus: '404',
  MethodDisallowedByPreflightResponse: 'DELETE',
  HeaderDisallowedByPreflightResponse: 'x-trace-id',
};

describe('one template per CorsError', () => {
  it('covers the 26 current names', () => {
    expect(CURRENT).toHaveLength(26);
  });

  it.each(CORS_ERRORS.map((e) => [e]))('%s has a one-line title and a paragraph', (error) => {
    const value = ACTUAL_VALUE[error] ?? null;
    const verdict = blocked(error, { actual: value, failedParameter: value ?? '' });
    const result = explain(verdict, makeTx({ response: { status: value === '404' ? 404 : 200, headers: [] } }));
    expect(result.title).toMatch(/^\S.{15,}$/);
    expect(result.paragraph.length).toBeGreaterThan(60);
    if (value !== null) {
      expect(result.title).toContain(value);
    }
  });

  it('gives each current name its own title', () => {
    const titles = CURRENT.map((error) => explain(blocked(error, { actual: 'v', failedParameter: 'v' }), makeTx()).title);
    expect(new Set(titles).size).toBe(CURRENT.length);
  });
});
