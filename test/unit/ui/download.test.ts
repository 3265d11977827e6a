// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText, exportFileName } from '../../../src/ui/download';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('downloadText', () => {
  it('clicks a temporary <a download> pointing at a Blob URL, then removes it and revokes the URL', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:cors-lens/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });

    downloadText(document, 'report.json', '{"a":1}', 'application/json');

    expect(clicked).toEqual([{ href: 'blob:cors-lens/1', download: 'report.json', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(await created[0]?.text()).toBe('{"a":1}');
    expect(created[0]?.type).toBe('application/json');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(revoke).toHaveBeenCalledWith('blob:cors-lens/1');
  });
});

describe('exportFileName', () => {
  it.each([
    ['json', 'cors-lens-tab-12-2023-11-14T22-13-20.json'],
    ['har', 'cors-lens-tab-12-2023-11-14T22-13-20.har'],
  ] as const)('names a %s export by tab and UTC time, without colons', (extension, name) => {
    expect(exportFileName(12, 1_700_000_000_000, extension)).toBe(name);
  });
});
