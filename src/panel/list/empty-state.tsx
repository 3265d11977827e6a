/** What the list area says when there is nothing to show, and why. */
export interface EmptyStateProps {
  readonly loaded: boolean;
  /** Transactions before filtering. */
  readonly total: number;
  readonly onShowAll: () => void;
}

export function EmptyState({ loaded, total, onShowAll }: EmptyStateProps) {
  if (!loaded) return <p class="cl-empty" role="status">Connecting to CORS Lens…</p>;
  if (total === 0) {
    return (
      <div class="cl-empty" role="status">
        <p>No cross-origin requests yet. Reload the page or trigger the request.</p>
        <p class="cl-muted">Same-origin requests are not listed: CORS does not apply to them.</p>
      </div>
    );
  }
  return (
    <div class="cl-empty" role="status">
      <p>No requests match the filter.</p>
      <button type="button" class="cl-button" onClick={onShowAll}>Show all requests</button>
    </div>
  );
}
