/** Recent answers are found again by content (never by identity), and only for exactly the same question. */
import { describe, expect, it } from 'vitest';
import { createRecentAnswers } from '../../../../src/core/request/recent-answers';

const h = (name: string, value: string) => ({ name, value });

describe('recent answers', () => {
  it('finds an answer for an equal question asked with fresh objects', () => {
    const recent = createRecentAnswers<string>(4);
    recent.remember('GET', false, [h('Accept', '*/*')], 'simple');
    expect(recent.find('GET', false, [h('Accept', '*/*')])).toBe('simple');
  });

  it.each([
    ['another method', 'POST', false, [h('Accept', '*/*')]],
    ['the other flag', 'GET', true, [h('Accept', '*/*')]],
    ['another value', 'GET', false, [h('Accept', 'text/html')]],
    ['another name spelling', 'GET', false, [h('accept', '*/*')]],
    ['one more line', 'GET', false, [h('Accept', '*/*'), h('X-A', '1')]],
    ['no lines', 'GET', false, []],
  ])('does not answer for %s', (_label, method, flag, headers) => {
    const recent = createRecentAnswers<string>(4);
    recent.remember('GET', false, [h('Accept', '*/*')], 'simple');
    expect(recent.find(method, flag, headers)).toBeUndefined();
  });

  it('keeps answering after the caller changes its list, and forgets the oldest when full', () => {
    const recent = createRecentAnswers<number>(2);
    const list = [h('X-A', '1')];
    recent.remember('GET', false, list, 1);
    list[0] = h('X-A', 'changed');
    expect(recent.find('GET', false, [h('X-A', '1')])).toBe(1);
    recent.remember('GET', false, [h('X-B', '2')], 2);
    recent.remember('GET', false, [h('X-C', '3')], 3);
    expect(recent.find('GET', false, [h('X-A', '1')])).toBeUndefined();
    expect(recent.find('GET', false, [h('X-C', '3')])).toBe(3);
  });
});
