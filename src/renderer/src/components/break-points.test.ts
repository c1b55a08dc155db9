import { describe, expect, it } from 'vitest';
import { breakableHtml, breakPieces } from './break-points';

describe('breakPieces', () => {
  it('breaks after / = , : and a dot before a letter, never after a hyphen or inside a word', () => {
    expect(breakPieces('/var/run/secrets/kubernetes.io/serviceaccount')).toEqual(['/', 'var/', 'run/', 'secrets/', 'kubernetes.', 'io/', 'serviceaccount']);
    expect(breakPieces('kubectl get lease -A --field-selector metadata.name=storage-example-com-absent')).toEqual([
      'kubectl', ' ', 'get', ' ', 'lease', ' ', '-A', ' ', '--field-selector', ' ', 'metadata.', 'name=', 'storage-example-com-absent',
    ]);
    expect(breakPieces('metadata.annotations[volume.kubernetes.io/storage-provisioner]')).toEqual([
      'metadata.', 'annotations[volume.', 'kubernetes.', 'io/', 'storage-provisioner]',
    ]);
    // A run of separators stays together; a dot between digits is no break.
    expect(breakPieces('https://example.com:8443/x')).toEqual(['https://', 'example.', 'com:', '8443/', 'x']);
    expect(breakPieces('1.5Gi v1.31.0')).toEqual(['1.5Gi', ' ', 'v1.31.0']);
  });

  it('gives the text back unchanged when joined', () => {
    for (const text of ['', '  a  b ', 'a/b/', 'lab-stuck/absent-provisioner', 'x=1,y=2:3', 'line\n  indented: "a-b"\n']) {
      expect(breakPieces(text).join('')).toBe(text);
    }
  });
});

describe('breakableHtml', () => {
  it('wraps text pieces of highlighted HTML and keeps tags and character references whole', () => {
    const html = '<span class="hljs-attr">name:</span> <span class="hljs-string">&quot;a-b/c&quot;</span>';
    expect(breakableHtml(html)).toBe(
      '<span class="hljs-attr"><span class="brk-text">name:</span></span> <span class="hljs-string"><span class="brk-text">&quot;a-b/</span><wbr><span class="brk-text">c&quot;</span></span>',
    );
    const strip = (s: string) => s.replace(/<[^>]*>/g, '');
    expect(strip(breakableHtml(html))).toBe(strip(html));
  });
});
