/**
 * The i18n checks (issue 16), over the TypeScript syntax tree:
 *  - `hardCodedStrings`: user-facing English written into the browser code instead of going
 *    through `@osd/i18n` — JSX text, string values of the props users read (title, label,
 *    aria-label, placeholder, …) and of the same keys in object literals (OUI column `name`s,
 *    toast `title`s, …). Product and API names alone (GuardDuty, UTC, JSON) are not prose.
 *    A line may opt out with a `// i18n-ignore` comment saying why (none does today).
 *  - `messageIds`: every `i18n.translate('<id>', { defaultMessage })` and
 *    `<FormattedMessage id="<id>" defaultMessage=…>`, with its default message, so a test can
 *    hold `translations/ja-JP.json` to exactly the ids the code uses.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

export const ID_PREFIX = 'siemInvestigations.';

/**
 * Props (JSX attributes and object keys) whose string value a user reads: OUI's `title`, `label`,
 * `aria-label`, `placeholder`, `helpText`, `description`, `tooltip`/`content`, `legend`,
 * `emptyMessage`, column `name`s, toast `text`, and this app's own (`pageTitle`, `emptyText`,
 * `confirmLabel`, `onClickAriaLabel`, `noun`, `displayName`, `error`).
 */
export const USER_FACING_PROP = /^(?:aria-label|alt|append|prepend|body|children|content|description|displayName|error|legend|message|name|noun|placeholder|text|title|tooltip)$|(?:Title|Label|Text|Message|Tooltip|Description|Placeholder|Help)$/;
export const isUserFacingProp = (name: string) => USER_FACING_PROP.test(name) || /^(?:label|helpText|pageTitle|emptyText|emptyMessage|confirmLabel|buttonText)$/.test(name);

/** Not prose: product, service and format names stay as they are in every language. */
const NOT_PROSE = /^(?:[\s\d.,:;/()[\]{}#%+\-–—·…|*<>=→←↑↓&'"’“”!?]|GuardDuty|CloudTrail|Security Hub|VPC Flow Logs|Route 53|AWS|UTC|JSON|CSV|URL|IP|ID|IPv4|IPv6|S3|EC2|IAM|OpenSearch|Discover|Markdown|ARN|DNS)*$/;

export function isProse(text: string): boolean {
  const t = text.trim();
  return /[A-Za-z]{2,}/.test(t) && !NOT_PROSE.test(t);
}

export interface Finding {
  file: string;
  line: number;
  text: string;
  where: string;
}

function propName(name: ts.PropertyName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName?.(name as ts.Node)) return undefined;
  return undefined;
}

/** The text of a string-ish literal, or undefined when the expression is something else. */
function literalText(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(e)) return literalText(e.expression);
  if (ts.isConditionalExpression(e)) {
    const a = literalText(e.whenTrue);
    const b = literalText(e.whenFalse);
    return [a, b].filter((x) => x !== undefined && isProse(x)).join(' / ') || undefined;
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return literalText(e.right);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [literalText(e.left), literalText(e.right)].filter(Boolean).join(' ') || undefined;
  }
  return undefined;
}

export function hardCodedStrings(file: string, source = fs.readFileSync(file, 'utf8')): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (/i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '')) return;
    if (isProse(text)) found.push({ file, line: line + 1, text: text.trim().replace(/\s+/g, ' '), where });
  };
  const visit = (node: ts.Node): void => {
    // Already through i18n: `i18n.translate(…)` and `<FormattedMessage …>`.
    if (ts.isCallExpression(node) && node.expression.getText(sf) === 'i18n.translate') return;
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText(sf) === 'FormattedMessage') return;
    if (ts.isJsxText(node)) report(node, node.text, 'JSX text');
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const t = literalText(node.expression);
      if (t !== undefined) report(node, t, 'JSX child');
    } else if (ts.isJsxAttribute(node)) {
      const name = propName(node.name);
      // A JSX `name` is a form control's name (an id), not a label.
      if (name && name !== 'name' && isUserFacingProp(name)) {
        const init = node.initializer;
        const t = init && ts.isStringLiteral(init) ? init.text : init && ts.isJsxExpression(init) ? literalText(init.expression) : undefined;
        if (t !== undefined) report(node, t, `${name}=`);
      }
    } else if (ts.isPropertyAssignment(node)) {
      const name = propName(node.name);
      if (name && isUserFacingProp(name)) {
        const t = literalText(node.initializer);
        // A single lower-case token (`name: 'id'`, `text: 'severity'`) is a field or value id.
        if (t !== undefined && !/^[a-z][\w.-]*$/.test(t)) report(node, t, `${name}:`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export interface MessageUse {
  id: string;
  defaultMessage: string;
  file: string;
  line: number;
}

/** `i18n.translate('id', { defaultMessage: '…' })` and `<FormattedMessage id="…" defaultMessage="…" />`. */
export function messageIds(file: string, source = fs.readFileSync(file, 'utf8')): MessageUse[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const uses: MessageUse[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'translate' && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'i18n') {
      const [idArg, opts] = node.arguments;
      const id = idArg && literalText(idArg as ts.Expression);
      if (!id || !ts.isStringLiteral(idArg) && !ts.isNoSubstitutionTemplateLiteral(idArg)) throw new Error(`${file}:${at(node)}: i18n.translate needs a literal id`);
      let defaultMessage: string | undefined;
      if (opts && ts.isObjectLiteralExpression(opts)) {
        for (const p of opts.properties) if (ts.isPropertyAssignment(p) && propName(p.name) === 'defaultMessage') defaultMessage = ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer) ? p.initializer.text : undefined;
      }
      if (defaultMessage === undefined) throw new Error(`${file}:${at(node)}: ${id} needs a literal defaultMessage`);
      uses.push({ id, defaultMessage, file, line: at(node) });
    } else if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText(sf) === 'FormattedMessage') {
      const attr = (n: string) => {
        const a = node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && propName(p.name) === n);
        const init = a?.initializer;
        return init && ts.isStringLiteral(init) ? init.text : init && ts.isJsxExpression(init) ? literalText(init.expression) : undefined;
      };
      const id = attr('id');
      const defaultMessage = attr('defaultMessage');
      if (!id || defaultMessage === undefined) throw new Error(`${file}:${at(node)}: FormattedMessage needs literal id and defaultMessage`);
      uses.push({ id, defaultMessage, file, line: at(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

export function sourceFiles(root: string, folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'testing' ? [] : walk(p);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|\.d\.ts$/.test(e.name) ? [p] : [];
    });
  return folders.flatMap((f) => walk(path.join(root, f)));
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../..');
  const files = sourceFiles(root, ['public']);
  const all = files.flatMap((f) => hardCodedStrings(f));
  for (const f of all) console.log(`${path.relative(root, f.file)}:${f.line}  [${f.where}]  ${f.text}`);
  console.log(`${all.length} hard-coded strings in ${new Set(all.map((f) => f.file)).size} files`);
}
