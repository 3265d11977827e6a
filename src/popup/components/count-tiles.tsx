/** The two numbers the popup is for: blocked requests and warnings on this tab. */
import type { TabSummary } from '../../messaging/protocol';

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

interface TileProps {
  readonly count: number | null;
  readonly label: string;
  readonly tone: 'blocked' | 'warning';
}

function Tile({ count, label, tone }: TileProps) {
  const active = count !== null && count > 0;
  return (
    <div class={`tile${active ? ` tile--${tone}` : ''}`}>
      <span class="tile__count">{count ?? '–'}</span>
      <span class="tile__label">{label}</span>
    </div>
  );
}

/** `summary` null while loading: same boxes, a dash instead of a number, so nothing moves. */
export function CountTiles({ summary }: { readonly summary: TabSummary | null }) {
  const blocked = summary?.blocked ?? null;
  const warnings = summary?.warnings ?? null;
  return (
    <section class="tiles" aria-label="This tab" aria-live="polite" aria-busy={summary === null}>
      <Tile count={blocked} label={blocked === 1 ? 'blocked request' : 'blocked requests'} tone="blocked" />
      <Tile count={warnings} label={warnings === 1 ? 'warning' : 'warnings'} tone="warning" />
    </section>
  );
}
