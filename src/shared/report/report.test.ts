// @vitest-environment jsdom
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { allProvisioners, diagnoseAll } from '../diagnose/index';
import { fixtureView } from '../diagnose/testing/fixture-view';
import { localPathClass, manualClaim } from '../diagnose/testing/fixtures';
import { renderReport, reportFileName, type ClusterReport } from './index';

const HOSTILE = {
  script: '<script>alert(1)</script>',
  ticks: 'a`b``c```d',
  pipes: 'x | y |---|',
  newline: 'line1\n\n# not a heading\n- not a list',
  link: '[x](javascript:alert(1))',
  image: '![i](https://evil.example/p.png)',
  bidi: 'abc\u202edcba',
};

const missingClass = { ...manualClaim, spec: { ...manualClaim.spec, storageClassName: 'fast' } };
const hostileClaims = Object.entries(HOSTILE).map(([key, name]) => ({
  ...manualClaim,
  metadata: { ...manualClaim.metadata, name, uid: `uid-${key}`, namespace: HOSTILE.link },
  spec: { ...manualClaim.spec, storageClassName: HOSTILE.script },
}));
const view = fixtureView({ storageclasses: [localPathClass], persistentvolumeclaims: [missingClass, ...hostileClaims] });

function report(overrides: Partial<ClusterReport> = {}): ClusterReport {
  return {
    cluster: 'prod-eu',
    serverVersion: 'v1.37.0',
    capturedAt: '2026-12-01T01:02:03.000Z',
    scope: {},
    unreadKinds: [{ kind: 'persistentvolumes', state: 'forbidden', message: 'persistentvolumes is forbidden: User "dev" cannot list' }],
    findings: diagnoseAll(view, {}),
    provisioners: allProvisioners(view),
    redactedValues: 3,
    lessons: [{ id: 'storage-class', title: 'StorageClass', markdown: 'A class names a provisioner.\n\n### Parameters\n\nSee `parameters`.' }],
    appVersion: '0.1.0',
    ...overrides,
  };
}

/** Every node of a Markdown tree. */
function nodes(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? (tree.children as Nodes[]).flatMap(nodes) : [])];
}

/** What a reader sees: the value with invisible and control characters shown as \uXXXX (and \n). */
const shown = (value: string) => value.replace(/\n/g, '\\n').replace(/\u202e/g, '\\u202e');

describe('report files', () => {
  it('say which cluster, version, time and scope, what could not be read, and each finding in full (English)', () => {
    const md = renderReport(report({ findings: diagnoseAll(fixtureView({ storageclasses: [localPathClass], persistentvolumeclaims: [missingClass] })) }), 'markdown', 'en').content;
    expect(md).toContain('# Storage report: `prod-eu`');
    expect(md).toContain('**Kubernetes version:** `v1.37.0`');
    expect(md).toContain('**State as of:** 1 December 2026 at 01:02:03 UTC (2026-12-01T01:02:03.000Z)');
    expect(md).toContain('**Scope:** the whole cluster');
    expect(md).toContain('## Could not be read');
    expect(md).toContain('**PersistentVolumes**: no permission (persistentvolumes is forbidden: User "dev" cannot list)');
    expect(md).toContain('Values removed: 3.');
    expect(md).toContain('problems: 1, warnings: 0');
    expect(md).toContain('### ✗ PersistentVolumeClaim `default/task-pv-claim`');
    expect(md).toContain('*(code claim.class-missing)*');
    expect(md).toContain('**Evidence:**');
    expect(md).toMatch(/\(field `spec\.storageClassName`\)/);
    // A multi-line fix (the missing class's manifest) stays one fenced block, every line indented under its step.
    expect(md).toContain("   ```sh\n   kubectl apply -f - <<'EOF'\n   apiVersion: storage.k8s.io/v1\n   kind: StorageClass\n   metadata:\n     name: fast\n");
    expect(md).toContain('   EOF\n   ```');
    expect(md).toContain('   ```sh\n   kubectl describe pvc task-pv-claim -n default\n   ```');
    expect(md).toContain('**Lesson:** [StorageClass](#lesson-storage-class)');
    expect(md).toContain('## Lessons');
    expect(md).toContain('#### Parameters');
    expect(md).toContain('## Provisioners');
  });

  it('speak Russian', () => {
    const file = renderReport(report({ scope: { namespace: 'team-a' } }), 'markdown', 'ru');
    expect(file.content).toContain('# Отчёт о хранилище: `prod-eu`');
    expect(file.content).toContain('**Версия Kubernetes:** `v1.37.0`');
    expect(file.content).toContain('**Состояние на:** 1 декабря 2026');
    expect(file.content).toContain('**Охват:** пространство имён `team-a`');
    expect(file.content).toContain('**PersistentVolumes**: нет прав');
    expect(file.content).toContain('## Проблемы');
    expect(file.content).toContain('**Что сделать:**');
    expect(file.content).toContain('которого нет');
    const html = renderReport(report(), 'html', 'ru').content;
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<title>Отчёт о хранилище: prod-eu</title>');
    expect(html).toContain('Не удалось прочитать');
  });

  it('keep hostile names text in Markdown: parsed back, each is the same text, and nothing became a link, an image or HTML', () => {
    const md = renderReport(report({ cluster: HOSTILE.script, scope: { namespace: HOSTILE.link } }), 'markdown', 'en').content;
    const tree = fromMarkdown(md) as Root;
    const all = nodes(tree);
    expect(all.filter((n) => n.type === 'html')).toEqual([]);
    expect(all.filter((n) => n.type === 'image')).toEqual([]);
    for (const n of all) if (n.type === 'link') expect(n.url).toMatch(/^#lesson-/);
    // Headings are ours only: the report's, the severities', each finding's, and the lesson's.
    const headings = all.filter((n) => n.type === 'heading').map((n) => n.depth);
    expect(headings.filter((d) => d === 1)).toHaveLength(1);
    const values = all.flatMap((n) => ('value' in n && typeof n.value === 'string' ? [n.value] : []));
    for (const name of Object.values(HOSTILE)) {
      expect(values.some((v) => v.includes(`/${shown(name)}`)), name).toBe(true);
    }
    expect(values).toContain(HOSTILE.script);
    // What a Markdown viewer would show: no script element, no javascript: link.
    const viewed = toHtml(toHast(tree));
    expect(viewed).not.toMatch(/<script/i);
    expect(viewed).not.toMatch(/href="javascript:/i);
    expect(viewed).not.toContain('<img');
  });

  it('keep hostile names text in HTML: no script, no outside resource, links only within the page', () => {
    const html = renderReport(report({ cluster: HOSTILE.script, scope: { namespace: HOSTILE.link } }), 'html', 'en').content;
    const document = new DOMParser().parseFromString(html, 'text/html');
    expect(document.querySelectorAll('script, iframe, object, embed, img, link, base, form')).toHaveLength(0);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(document.querySelectorAll('style')).toHaveLength(1);
    for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^#lesson-/);
    expect(document.querySelector('#lesson-storage-class')?.textContent).toBe('StorageClass');
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr).not.toMatch(/^on/i);
    }
    expect(document.title).toBe(`Storage report: ${HOSTILE.script}`);
    const text = document.body.textContent ?? '';
    for (const name of Object.values(HOSTILE)) expect(text, name).toContain(shown(name));
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    // The severity of each finding shows in its heading's class (coloured on screen, marked in print).
    expect(document.querySelectorAll('h3.sev-problem').length).toBe(report().findings.filter((f) => f.severity === 'problem').length);
  });

  it('are named after the cluster, scope and time, safely', () => {
    expect(reportFileName(report(), 'html')).toBe('kse-report-prod-eu-2026-12-01-01-02-03.html');
    expect(reportFileName(report({ cluster: '../../etc/passwd', scope: { object: { kind: 'persistentvolumeclaims', namespace: 'a', name: 'b' } } }), 'markdown')).toBe(
      'kse-report-etc-passwd-a-b-2026-12-01-01-02-03.md',
    );
  });
});
