import { describe, expect, it } from 'vitest';
import { oneLineExplanation, warningMessage } from '../../../src/popup/one-line-explanation';
import { allowedWith, blocked, transaction, warning, verdict } from './transaction-builder';

describe('oneLineExplanation', () => {
  it('uses the advice title: the failed check and where', () => {
    expect(oneLineExplanation(blocked('MissingAllowOriginHeader', 'http://127.0.0.1:4200/items'))).toBe(
      'No Access-Control-Allow-Origin header on the response from 127.0.0.1:4200 (status 200)',
    );
  });

  it('is empty for a request without a verdict yet', () => {
    expect(oneLineExplanation(transaction({ verdict: null, state: 'pending' }))).toBe('');
  });
});

describe('warningMessage', () => {
  it.each([
    ['the message of the finding of that kind', allowedWith(['headers-not-exposed']), 'headers-not-exposed', 'Warning headers-not-exposed'],
    ['empty when the request has no such finding', transaction({ verdict: verdict({ findings: [warning('preflight-cache', 'x')] }) }), 'headers-not-exposed', ''],
  ])('%s', (_name, tx, code, expected) => {
    expect(warningMessage(tx, code)).toBe(expected);
  });
});
