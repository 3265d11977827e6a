/**
 * What the panel and the popup need from the rest of the extension. The UI depends on this
 * interface only: the extension implements it over runtime messaging (extension-client.ts), tests
 * with an in-memory fake. No `chrome` in components.
 */
import type { ReportV1 } from '../core/report';
import type { LiveUpdate, TabInfo, TabSummary } from '../messaging/protocol';

export interface CorsLensClient {
  /** Live updates for a tab: a snapshot first (again after every reconnection), then increments. */
  subscribe(tabId: number, onUpdate: (update: LiveUpdate) => void, onConnection?: (connected: boolean) => void): () => void;
  exportReport(tabId: number, options?: { redact?: boolean }): Promise<ReportV1>;
  clear(tabId: number): Promise<TabSummary>;
  setPreserveLog(tabId: number, preserve: boolean): Promise<TabSummary>;
  setPaused(paused: boolean): Promise<{ paused: boolean }>;
  tabInfo(tabId: number): Promise<TabInfo>;
  /** Opens an extension page (the full-window panel) in a new tab. */
  openPage(path: string): Promise<void>;
}
