/**
 * Checks of the bilingual texts the diagnosis rules build (src/shared/diagnose): every `t(en, ru)` pair (and
 * the catalog's `c(severity, lesson, en, ru)`) is read with the TypeScript compiler API and checked for
 * - a Russian text that is not Russian (no Cyrillic where the English has words);
 * - English-style plural shortcuts, "claim(s)", in either language;
 * - a count written straight before a word ("${pods.length} pods"): counts go through counted()/pluralForm()
 *   (src/shared/plural.ts), which know Russian one/few/many.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface TextProblem {
  file: string;
  line: number;
  problem: string;
  text: string;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTERS = /\p{L}{2,}/u;
/** Expressions that are counts: `x.length`, `x.size`, and variables named like counts. */
const COUNT_EXPRESSION = /(\.length|\.size|^count|^waiting|[Cc]ount)$/;

function literalText(node: ts.Expression, sf: ts.SourceFile): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${…}');
  if (ts.isConditionalExpression(node)) return `${literalText(node.whenTrue, sf) ?? ''} ${literalText(node.whenFalse, sf) ?? ''}`;
  return undefined;
}

/** Templates anywhere inside a text expression, nested ones included. */
function templatesIn(node: ts.Node): ts.TemplateExpression[] {
  const out: ts.TemplateExpression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isTemplateExpression(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** Problems of the text pairs in one source file. */
export function diagnosisTextProblems(file: string, source: string): TextProblem[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const problems: TextProblem[] = [];
  const report = (node: ts.Node, problem: string, text: string) =>
    problems.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, problem, text });

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['t', 'c'].includes(node.expression.text) && node.arguments.length >= 2) {
      const [enNode, ruNode] = node.arguments.slice(-2) as [ts.Expression, ts.Expression];
      const en = literalText(enNode, sf);
      const ru = literalText(ruNode, sf);
      if (en !== undefined && ru !== undefined) {
        const enWords = en.replace(/\$\{…\}/g, ' ');
        if (LETTERS.test(enWords) && !CYRILLIC.test(ru) && en !== ru) report(ruNode, 'the Russian text has no Russian in it', ru);
        for (const [lang, text, at] of [['en', en, enNode], ['ru', ru, ruNode]] as const) {
          if (/\p{L}\((s|es|и|ов)\)/u.test(text)) report(at, `${lang}: a "(s)" plural; use counted() or pluralForm()`, text);
        }
        for (const template of templatesIn(enNode)) {
          for (const span of template.templateSpans) {
            const expr = span.expression.getText(sf);
            if (COUNT_EXPRESSION.test(expr) && /^ \p{L}/u.test(span.literal.text)) report(span, `en: the count \${${expr}} is followed by a word; use counted() or pluralForm()`, template.getText(sf));
          }
        }
        for (const template of templatesIn(ruNode)) {
          for (const span of template.templateSpans) {
            const expr = span.expression.getText(sf);
            if (COUNT_EXPRESSION.test(expr) && /^ \p{L}/u.test(span.literal.text)) report(span, `ru: the count \${${expr}} is followed by a word; use counted() or pluralForm()`, template.getText(sf));
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

/** Problems across the rule files of a directory (tests and fixtures left out). */
export function scanDiagnosisTexts(dir: string): TextProblem[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('fixture'))
    .sort()
    .flatMap((f) => diagnosisTextProblems(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}
