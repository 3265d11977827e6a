/**
 * Save generated text as a file: a Blob URL on a temporary <a download>, clicked and removed. No
 * `downloads` permission needed, and it works from a DevTools panel and from a normal tab.
 */
export function downloadText(doc: Document, filename: string, text: string, mimeType: string): void {
  const view = doc.defaultView;
  const blob = new Blob([text], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next task: the click has started the download by then.
  (view ?? globalThis).setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `cors-lens-tab-12-2026-05-01T14-03-07.json`: sortable, safe on every file system. */
export function exportFileName(tabId: number, now: number, extension: 'json' | 'har'): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/:/g, '-');
  return `cors-lens-tab-${tabId}-${stamp}.${extension}`;
}
