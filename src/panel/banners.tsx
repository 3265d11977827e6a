/** Notices about the feed itself: connection lost, storage degraded, entries dropped, capture paused. */
import { DEFAULT_CAPACITY } from '../core/model/state';
import type { PersistenceStatus } from '../messaging/protocol';
import { Banner } from '../ui/components/banner';
import { formatCount } from '../ui/format';

export interface BannersProps {
  readonly connected: boolean;
  readonly persistence: PersistenceStatus;
  readonly evicted: number;
  readonly paused: boolean;
  readonly onResume: () => void;
}

export function Banners({ connected, persistence, evicted, paused, onResume }: BannersProps) {
  return (
    <div class="cl-banners">
      {connected ? null : <Banner tone="warning" role="alert">Reconnecting to CORS Lens…</Banner>}
      {persistence.degraded ? (
        <Banner tone="error" role="alert">
          <span class="cl-value">
            Saving requests failed{persistence.message ? `: ${persistence.message}` : ''}. They are kept in memory and may be lost if the extension restarts.
          </span>
        </Banner>
      ) : null}
      {paused ? (
        <Banner tone="warning">
          Capture is paused: new requests are not recorded.{' '}
          <button type="button" class="cl-button" onClick={onResume}>Resume</button>
        </Banner>
      ) : null}
      {evicted > 0 ? (
        <Banner>
          {formatCount(evicted)} older {evicted === 1 ? 'request' : 'requests'} dropped (limit {formatCount(DEFAULT_CAPACITY)})
        </Banner>
      ) : null}
    </div>
  );
}
