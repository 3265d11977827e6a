/**
 * The popup's live view of one tab: subscribes through the client for as long as the popup is
 * mounted (the feed heals itself and sends a fresh snapshot after a worker restart) and asks once
 * what CORS Lens can see of the tab.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TabInfo } from '../messaging/protocol';
import type { CorsLensClient } from '../ui/client';
import { applyLiveUpdate, type PopupData } from './popup-state';

export interface TabInfoState {
  /** The answer arrived (or failed): the popup may stop showing its skeleton. */
  readonly settled: boolean;
  /** null when the question failed: then we assume the page is capturable and show what we have. */
  readonly info: TabInfo | null;
}

export interface TabFeed {
  readonly data: PopupData | null;
  readonly setData: (change: (data: PopupData | null) => PopupData | null) => void;
  readonly tab: TabInfoState;
  /** false while the live port is reconnecting (the service worker was stopped). */
  readonly connected: boolean;
}

export function useTabFeed(client: CorsLensClient, tabId: number): TabFeed {
  const [data, setData] = useState<PopupData | null>(null);
  const [tab, setTab] = useState<TabInfoState>({ settled: false, info: null });
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    setData(null);
    return client.subscribe(
      tabId,
      (update) => setData((current) => applyLiveUpdate(current, update, tabId)),
      setConnected,
    );
  }, [client, tabId]);

  useEffect(() => {
    let live = true;
    setTab({ settled: false, info: null });
    client.tabInfo(tabId).then(
      (info) => live && setTab({ settled: true, info }),
      () => live && setTab({ settled: true, info: null }),
    );
    return () => {
      live = false;
    };
  }, [client, tabId]);

  return { data, setData, tab, connected };
}
