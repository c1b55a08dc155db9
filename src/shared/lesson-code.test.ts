/// <reference types="vite/client" />
// Every message the lessons quote must be one the diagnosis rules know (src/shared/diagnose/messages.ts), or an
// older wording listed there with the version that changed it, and the lesson must say which version that was.
import { describe, expect, it } from 'vitest';
import { ALL_FINDING_CODES } from './diagnose/catalog';
import { HISTORICAL_MESSAGES, recogniseMessage, UPSTREAM_MESSAGES } from './diagnose/messages';
import { isMessageLike, kubectlCommands, kubectlVerb, lessonCodeBlocks, quotedMessages, type QuotedMessage } from './lesson-code';
import { LANGS } from './model/findings';

const files = import.meta.glob<string>('../../resources/lessons/*/*.md', { query: '?raw', import: 'default', eager: true });
const lessons = Object.entries(files).map(([path, text]) => ({ source: path.replace('../../resources/lessons/', ''), text }));

const quotes: QuotedMessage[] = lessons.flatMap((l) => quotedMessages(l.text, l.source));
const where = (q: QuotedMessage) => `${q.source}:${q.line} (${q.form}) ${q.text}`;

describe('messages the lessons quote', () => {
  it('are found at all, in both languages', () => {
    for (const lang of LANGS) expect(quotes.filter((q) => q.source.startsWith(`${lang}/`) && q.form !== 'prose').length, lang).toBeGreaterThan(40);
  });

  it('are each recognised by the diagnosis rules or listed as historical', () => {
    const unknown = quotes.filter((q) => q.form !== 'prose' && recogniseMessage(q.text) === undefined).map(where);
    expect(unknown, 'add the message to src/shared/diagnose/messages.ts (with a rule), or fix the quote').toEqual([]);
  });

  it('quote messages as code, so a reader knows the text is verbatim', () => {
    const loose = quotes.filter((q) => q.form === 'prose' && recogniseMessage(q.text) !== undefined).map(where);
    expect(loose).toEqual([]);
  });

  it('say which version changed a historical wording, next to it', () => {
    const unexplained = quotes.flatMap((q) => {
      const known = recogniseMessage(q.text);
      if (!known || !('historical' in known)) return [];
      return q.context.includes(known.historical.changedIn) ? [] : [`${where(q)}: say it changed in ${known.historical.changedIn}`];
    });
    expect(unexplained).toEqual([]);
  });

  it('quote the current multi-attach wording wherever they quote the old one', () => {
    for (const lang of LANGS) {
      const ids = quotes.filter((q) => q.source.startsWith(`${lang}/`)).map((q) => recogniseMessage(q.text)).map((r) => (r && 'current' in r ? r.current.id : r?.historical.id));
      expect(ids, lang).toContain('multi-attach');
      expect(ids, lang).toContain('node-affinity-conflict');
    }
  });
});

describe('the message catalog', () => {
  it('has unique ids, and each example is matched by its own pattern', () => {
    const all = [...UPSTREAM_MESSAGES, ...HISTORICAL_MESSAGES];
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    for (const m of all) expect(m.pattern.test(m.example), m.id).toBe(true);
  });

  it('names only finding codes that exist, and every event or scheduler message leads to one', () => {
    for (const m of UPSTREAM_MESSAGES) {
      for (const code of m.codes) expect(ALL_FINDING_CODES, m.id).toContain(code);
      if (m.kind !== 'api-error' && m.kind !== 'process-error' && !m.id.startsWith('statefulset-create-')) expect(m.codes.length, m.id).toBeGreaterThan(0);
    }
  });

  it('keeps old wordings apart from the current ones, each with the version and the message that replaced it', () => {
    for (const h of HISTORICAL_MESSAGES) {
      expect(h.changedIn, h.id).toMatch(/^1\.\d+$/);
      expect(UPSTREAM_MESSAGES.some((m) => m.pattern.test(h.example)), `${h.id} is still matched as current`).toBe(false);
      if (h.replacedBy) expect(UPSTREAM_MESSAGES.map((m) => m.id), h.id).toContain(h.replacedBy);
    }
  });

  it('reads shortened quotes: "..." and <placeholders> stand for any text', () => {
    expect(recogniseMessage('Waiting for detach for volume ...')).toMatchObject({ current: { id: 'multi-attach' } });
    expect(recogniseMessage('Multi-Attach error for volume "pvc-..." Volume is already used by pod(s) web-0')).toMatchObject({ historical: { id: 'multi-attach-error' } });
    expect(recogniseMessage('storageclass.storage.k8s.io "<name>" not found')).toMatchObject({ current: { id: 'class-not-found' } });
    expect(recogniseMessage('this text is in no message at all')).toBeUndefined();
    expect(recogniseMessage('(combined from similar events): waiting for first consumer to be created before binding')).toMatchObject({ current: { id: 'wait-for-first-consumer' } });
  });
});

describe('reading lessons', () => {
  const sample = [
    '## A section {#one}',
    'The event `waiting for first consumer to be created before binding` and `spec.volumeName: x`, `kubectl get pv`.',
    '',
    '```yaml lab-skip: needs the snapshot CRDs',
    'kind: VolumeSnapshot',
    '```',
    '',
    '## Another {#two}',
    '```bash',
    'kubectl -n lab-static get pvc reports',
    'kubectl patch pv x \\',
    '  -p \'{"spec":{}}\'',
    'kubectl --context lab-student auth can-i list persistentvolumes',
    '```',
    '```text',
    'Warning  FailedBinding  persistentvolume-controller  no persistent volumes available for this claim and no storage class is set',
    '```',
  ].join('\n');

  it('finds code blocks with their section, language, line and lab-skip reason', () => {
    const blocks = lessonCodeBlocks(sample, 'x.md');
    expect(blocks.map((b) => [b.section, b.lang, b.line, b.labSkip])).toEqual([
      ['one', 'yaml', 4, 'needs the snapshot CRDs'],
      ['two', 'bash', 9, undefined],
      ['two', 'text', 15, undefined],
    ]);
  });

  it('finds kubectl commands, joins continuation lines and tells reads from writes', () => {
    const commands = lessonCodeBlocks(sample, 'x.md').flatMap(kubectlCommands);
    expect(commands.map((c) => [c.line, c.verb, c.readOnly])).toEqual([
      [10, 'get', true],
      [11, 'patch', false],
      [13, 'auth can-i', true],
    ]);
    expect(commands[1]?.command).toBe('kubectl patch pv x -p \'{"spec":{}}\'');
    expect(kubectlVerb('kubectl --kubeconfig k -n ns describe pod web')).toBe('describe');
  });

  it('finds quoted messages in code spans and event lines, not commands or fields', () => {
    expect(quotedMessages(sample, 'x.md').map((q) => [q.form, q.line, q.text])).toEqual([
      ['code', 2, 'waiting for first consumer to be created before binding'],
      ['event-line', 16, 'no persistent volumes available for this claim and no storage class is set'],
    ]);
    expect(['kubectl get pv', 'spec.volumeName: x', '<pod name>-<volume name>', 'pvc-<claim uid>', 'Init:0/M'].filter(isMessageLike)).toEqual([]);
    expect(isMessageLike('MountVolume.SetUp failed for volume "config" : configmap "web-config" not found')).toBe(true);
  });
});
