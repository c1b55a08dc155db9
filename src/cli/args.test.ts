import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs } from './args';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseArgs', () => {
  it('reads each command with its options', () => {
    expect(parseArgs([])).toEqual({ name: 'help' });
    expect(parseArgs(['--version'])).toEqual({ name: 'version' });
    expect(parseArgs(['contexts', '--json'])).toEqual({ name: 'contexts', json: true });
    expect(parseArgs(['sync', '--context', 'lab-admin'])).toEqual({ name: 'sync', context: 'lab-admin', json: false, timeoutSeconds: 60 });
    expect(parseArgs(['sync', '--context=lab', '--json', '--timeout', '2.5'])).toEqual({ name: 'sync', context: 'lab', json: true, timeoutSeconds: 2.5 });
    expect(parseArgs(['snapshot', '--context', 'lab', '-o', 'out.json'])).toEqual({ name: 'snapshot', context: 'lab', output: 'out.json', timeoutSeconds: 60 });
    expect(parseArgs(['doctor', '--snapshot', 'f.json', '-n', 'team-a', '--lang', 'ru', '--json'])).toEqual({
      name: 'doctor',
      snapshot: 'f.json',
      namespace: 'team-a',
      concurrency: 4,
      json: true,
      format: 'text',
      lang: 'ru',
      timeoutSeconds: 60,
    });
    expect(parseArgs(['record', '-o', 'demo.json', '--seconds', '30'])).toEqual({ name: 'record', output: 'demo.json', seconds: 30, timeoutSeconds: 60 });
    expect(parseArgs(['doctor'])).toEqual({ name: 'doctor', concurrency: 4, json: false, format: 'text', lang: 'en', timeoutSeconds: 60 });
    expect(parseArgs(['doctor', '--all-contexts', '--timeout', '5', '--concurrency', '2', '--json'])).toEqual({
      name: 'doctor',
      contexts: 'all',
      concurrency: 2,
      json: true,
      format: 'text',
      lang: 'en',
      timeoutSeconds: 5,
    });
    expect(parseArgs(['doctor', '--contexts', 'prod, staging,prod'])).toMatchObject({ contexts: ['prod', 'staging'] });
    expect(parseArgs(['doctor', '--context', 'a', '--format', 'html', '--lang', 'ru'])).toMatchObject({ context: 'a', format: 'html', lang: 'ru' });
    expect(parseArgs(['web', '--port', '8080', '--no-open'])).toEqual({ name: 'web', port: 8080, open: false });
    expect(parseArgs(['web'])).toEqual({ name: 'web', open: true });
    expect(parseArgs(['df', '-n', 'lab-usage', '--sort', 'use', '--json'])).toEqual({ name: 'df', namespace: 'lab-usage', json: true, sort: 'use', lang: 'en', timeoutSeconds: 60 });
    expect(() => parseArgs(['df', '--sort', 'size'])).toThrow('--sort must be "use" (fullest first) or "name", got "size".');
    expect(parseArgs(['sync', '--help'])).toEqual({ name: 'help' });
  });

  it('reads one object for doctor as kubectl writes it, before or after the options', () => {
    expect(parseArgs(['doctor', 'pvc/data', '-n', 'shop'])).toMatchObject({ name: 'doctor', object: { kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' }, namespace: 'shop' });
    expect(parseArgs(['doctor', '--snapshot', 'f.json', '-n', 'shop', 'PersistentVolumeClaim', 'data'])).toMatchObject({ object: { kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' } });
    expect(parseArgs(['doctor', 'persistentvolume/pv-1'])).toMatchObject({ object: { kind: 'persistentvolumes', name: 'pv-1' } });
    expect(parseArgs(['doctor', 'sc/fast', '--format', 'html'])).toMatchObject({ object: { kind: 'storageclasses', name: 'fast' }, format: 'html' });
    expect(parseArgs(['doctor']).name === 'doctor' && 'object' in parseArgs(['doctor'])).toBe(false);
    expect(usageError(['doctor', 'pvc/data'])).toBe('PersistentVolumeClaim is namespaced: add --namespace NAMESPACE (e.g. kse doctor pvc/data -n default).');
    expect(usageError(['doctor', 'widget/x'])).toMatch(/^Unknown type "widget" in "widget\/x"\. Use one of: sc, pv, pvc,/);
    expect(usageError(['doctor', 'pvc'])).toBe('Which pvc? Give its name: kse doctor pvc/NAME.');
    expect(usageError(['doctor', 'pvc/a', 'b', '-n', 'x'])).toMatch(/^kse doctor looks at one object/);
    expect(usageError(['doctor', 'sc/fast', '--all-contexts'])).toMatch(/^An object is looked at in one cluster/);
    // Other commands still refuse stray words.
    expect(usageError(['sync', 'pvc/data'])).toBe('Unexpected argument "pvc/data" for "kse sync". Run "kse help" for the options.');
  });

  it('says what is wrong and what to type instead', () => {
    expect(usageError(['deploy'])).toBe('Unknown command "deploy". Commands: contexts, sync, snapshot, record, doctor, df, web, exercise. Run "kse help".');
    expect(usageError(['sync', '--ctx', 'a'])).toBe('Unknown option "--ctx" for "kse sync". Its options: --context, --json, --timeout.');
    expect(usageError(['sync', '--context'])).toBe('--context needs a value.');
    expect(usageError(['sync', '--context', '--json'])).toBe('--context needs a value.');
    expect(usageError(['sync', '--json=yes'])).toBe('--json takes no value.');
    expect(usageError(['sync', '--json', '--json'])).toBe('--json is given twice.');
    expect(usageError(['sync', '--timeout', '0'])).toBe('--timeout must be a positive number of seconds, got "0".');
    expect(usageError(['sync', 'lab'])).toBe('Unexpected argument "lab" for "kse sync". Run "kse help" for the options.');
    expect(usageError(['snapshot', '--context', 'a'])).toBe('kse snapshot needs -o FILE (where to write the snapshot).');
    expect(usageError(['record', '--seconds', '5'])).toBe('kse record needs -o FILE (where to write the recording).');
    expect(usageError(['doctor', '--context', 'a', '--snapshot', 'b'])).toBe('Give either --context or --snapshot, not both.');
    expect(usageError(['doctor', '--lang', 'de'])).toBe('--lang must be one of en, ru, got "de".');
    expect(usageError(['doctor', '--all-contexts', '--contexts', 'a'])).toBe('Give either --all-contexts or --contexts A,B, not both.');
    expect(usageError(['doctor', '--all-contexts', '--context', 'a'])).toBe('--all-contexts checks several contexts: leave out --context.');
    expect(usageError(['doctor', '--contexts', ','])).toBe('--contexts needs context names separated by commas, e.g. --contexts prod,staging.');
    expect(usageError(['doctor', '--all-contexts', '--concurrency', '0'])).toBe('--concurrency must be a whole number from 1 to 64, got "0".');
    expect(usageError(['doctor', '--concurrency', '2'])).toBe('--concurrency applies to --all-contexts or --contexts A,B.');
    expect(usageError(['doctor', '--format', 'pdf'])).toBe('--format must be one of text, markdown, html, got "pdf".');
    expect(usageError(['doctor', '--format', 'html', '--json'])).toBe('Give either --json or --format, not both.');
    expect(usageError(['doctor', '--all-contexts', '--format', 'html'])).toBe('--format html writes the report of one cluster: use --context NAME (or --snapshot FILE).');
    expect(usageError(['web', '--port', '70000'])).toBe('--port must be a port number (0-65535), got "70000".');
  });
});
