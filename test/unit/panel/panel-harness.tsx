/** Renders PanelApp against a FakeClient with in-memory storage, a fixed clock and spied copy/download. */
import { render } from '@testing-library/preact';
import type { Transaction } from '../../../src/core/model';
import type { LiveUpdate } from '../../../src/messaging/protocol';
import { PanelApp } from '../../../src/panel/panel-app';
import type { KeyValueStore } from '../../../src/ui/stack-preference';
import { FakeClient } from '../fakes/fake-client';

export const NOW = 1_700_000_000_000;

/** A FakeClient that also reports the live port's connection state, as the real one does. */
export class ConnectionFakeClient extends FakeClient {
  private connection: ((connected: boolean) => void) | undefined;

  override subscribe(tabId: number, onUpdate: (u: LiveUpdate) => void, onConnection?: (connected: boolean) => void): () => void {
    this.connection = onConnection;
    return super.subscribe(tabId, onUpdate);
  }

  setConnected(connected: boolean): void {
    this.connection?.(connected);
  }
}

export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}

export interface Harness {
  readonly client: ConnectionFakeClient;
  readonly storage: MemoryStore;
  readonly copied: string[];
  readonly downloads: { name: string; text: string; type: string }[];
  readonly view: ReturnType<typeof render>;
}

export function renderPanel(transactions: Transaction[], options: { storage?: MemoryStore; client?: ConnectionFakeClient } = {}): Harness {
  const client = options.client ?? new ConnectionFakeClient(1, transactions);
  const storage = options.storage ?? new MemoryStore();
  const copied: string[] = [];
  const downloads: Harness['downloads'] = [];
  const view = render(
    <PanelApp
      client={client}
      tabId={1}
      storage={storage}
      version="9.9.9"
      now={() => NOW}
      copy={async (text) => {
        copied.push(text);
        return true;
      }}
      download={(name, text, type) => downloads.push({ name, text, type })}
    />,
  );
  return { client, storage, copied, downloads, view };
}

