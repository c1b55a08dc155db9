import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { componentFiles, findLiteralTexts, scanComponents } from './literal-scan';

const RENDERER = fileURLToPath(new URL('../../src/renderer/src', import.meta.url));

describe('every user-visible string in the renderer goes through the i18n layer', () => {
  it('finds the components (the scan is not looking at an empty folder)', () => {
    expect(componentFiles(RENDERER).length).toBeGreaterThan(30);
  });

  it('no component renders literal text, tooltips, labels or placeholders', () => {
    const found = scanComponents(RENDERER).map((f) => `${f.file.slice(RENDERER.length + 1)}:${f.line} [${f.where}] ${f.text}`);
    expect(found).toEqual([]);
  });
});

describe('the literal scan catches what it is for', () => {
  const scan = (source: string) => findLiteralTexts('x.tsx', source).map((f) => `${f.where}: ${f.text}`);

  it('reports JSX text, literal attributes people see or hear, and literal children in expressions', () => {
    expect(
      scan(`
        export const A = ({ ok, n, name }) => (
          <div title="Details" aria-label={'Close'} placeholder={ok ? 'Search' : t('table.search')}>
            Init: {n}
            {ok ? 'yes' : 'no'}
            {\`\${name} YAML\`}
            <Widget label="Open" text={\`Opened \${name}\`} />
          </div>
        );`),
    ).toEqual(['title: Details', 'aria-label: Close', 'placeholder: Search', 'text: Init:', 'text: yes', 'text: no', 'text: `${name} YAML`', 'label: Open', 'text: `Opened ${name}`']);
  });

  it('lets translated texts, values, symbols and non-visible attributes through', () => {
    expect(
      scan(`
        export const B = ({ n, name }) => (
          <div className="panel wide" data-testid="details" title={t('details.close')} aria-label={name}>
            {t('details.copy')} × {n} — {name} →
            <span translate="no">{name}</span>
          </div>
        );`),
    ).toEqual([]);
  });
});
