/**
 * Finds user-visible text written literally in React components instead of going through the i18n layer.
 * Parses .tsx files with the TypeScript compiler API and reports:
 * - JSX text with a letter in it (`<p>Init: {n}</p>`);
 * - string and template literals with a letter placed as a JSX child (`{ok ? 'yes' : 'no'}`, `{`${a} YAML`}`);
 * - the same in attributes people see or hear: title, aria-label, placeholder, alt, and the `label`, `text`,
 *   `title` and `detail` props our components turn into such text.
 * What a call returns (`t('key')`, `ago(...)`) is not inspected: keys are not text. Symbols (×, —, →) and digits
 * are fine. Cluster-sourced values are expressions, never literals, so they are not reported here; the Russian
 * text scan of the journeys checks what actually reaches the screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Attributes whose value a person reads (tooltip) or hears (screen reader). */
export const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  // Props of our own components that end up as visible text or one of the attributes above.
  'label',
  'text',
  'detail',
]);

export interface LiteralText {
  file: string;
  line: number;
  /** Where it was found: "text", or the attribute name. */
  where: string;
  text: string;
}

const LETTER = /\p{L}/u;

/** Literal user-visible texts in one .tsx source. */
export function findLiteralTexts(file: string, source: string): LiteralText[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralText[] = [];
  const report = (node: ts.Node, where: string, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ file, line: line + 1, where, text: text.trim().replace(/\s+/g, ' ') });
  };

  /** Literals in value position of an expression: the branches of ?:, ||, ??, &&, parentheses, templates. */
  const inspectValue = (expr: ts.Expression, where: string): void => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (LETTER.test(expr.text)) report(expr, where, expr.text);
    } else if (ts.isTemplateExpression(expr)) {
      const literal = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(' ');
      if (LETTER.test(literal)) report(expr, where, expr.getText(sf));
      for (const span of expr.templateSpans) inspectValue(span.expression, where);
    } else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) {
      inspectValue(expr.expression, where);
    } else if (ts.isConditionalExpression(expr)) {
      inspectValue(expr.whenTrue, where);
      inspectValue(expr.whenFalse, where);
    } else if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
        inspectValue(expr.left, where);
        inspectValue(expr.right, where);
      } else if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        inspectValue(expr.right, where);
      }
    } else if (ts.isJsxElement(expr) || ts.isJsxSelfClosingElement(expr) || ts.isJsxFragment(expr)) {
      // Visited as JSX by the walk below.
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, 'text', node.text);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      inspectValue(node.expression, 'text');
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (VISIBLE_ATTRIBUTES.has(name) && init) {
        if (ts.isStringLiteral(init)) {
          if (LETTER.test(init.text)) report(init, name, init.text);
        } else if (ts.isJsxExpression(init) && init.expression) {
          inspectValue(init.expression, name);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every component file under `dir` (.tsx, tests excluded: they render fixtures, not the UI). */
export function componentFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.tsx') && !/\.test\.tsx$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/** Literal texts in every component under `dir`. */
export function scanComponents(dir: string): LiteralText[] {
  return componentFiles(dir).flatMap((file) => findLiteralTexts(file, readFileSync(file, 'utf8')));
}
