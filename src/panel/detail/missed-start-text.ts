/**
 * What the detail says about a request whose first events never reached CORS Lens (late-start.ts):
 * which part it saw, what it could not, and what to do. Pure.
 */
import type { MissedStart } from '../../core/model';

/** The part of the request CORS Lens first saw, by the kind of its first event. */
function firstSeen(firstEvent: string): { readonly when: string; readonly unknown: string } {
  switch (firstEvent) {
    case 'before-send-headers':
    case 'send-headers':
      return { when: 'when its headers went out', unknown: 'any preflight sent before it' };
    case 'headers-received':
    case 'response-started':
      return { when: 'at its response', unknown: 'the headers it sent and any preflight before it' };
    case 'redirect':
      return { when: 'at a redirect', unknown: 'the hops before it, the headers sent and any preflight' };
    case 'completed':
      return { when: 'when it completed', unknown: 'the headers it sent and any preflight before it' };
    case 'error':
      return { when: 'when it failed', unknown: 'the headers it sent, its response and any preflight before it' };
    default:
      return { when: 'part-way through', unknown: 'what happened before that' };
  }
}

export function missedStartText(missed: MissedStart): string {
  const { when, unknown } = firstSeen(missed.firstEvent);
  return `Partly captured: CORS Lens first saw this request ${when}. Chrome stopped CORS Lens's service worker while the `
    + `request was starting (or CORS Lens started after it), so ${unknown} did not reach it, and it took longer than the time shown. `
    + 'The verdict uses what did arrive; reload the page to capture the request whole.';
}
