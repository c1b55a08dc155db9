import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticPath } from './static-files';

const ROOT = '/srv/out/renderer';

describe('resolveStaticPath', () => {
  it('maps paths into the root, "/" to index.html', () => {
    expect(resolveStaticPath(ROOT, '/')).toBe(join(ROOT, 'index.html'));
    expect(resolveStaticPath(ROOT, '/assets/index-abc.js?v=1')).toBe(join(ROOT, 'assets/index-abc.js'));
  });

  it('never leaves the root', () => {
    for (const path of ['/../secret', '/assets/../../etc/passwd', '/%2e%2e/secret', '/a%5c..%5cb', '/a%00b', 'relative', '/%E0%A4%A']) {
      expect(resolveStaticPath(ROOT, path), path).toBeUndefined();
    }
  });

  it('knows the content types it serves', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/x.bin')).toBe('application/octet-stream');
  });
});
