/**
 * Scrubbing credentials out of free text and command lines that a snapshot keeps (event and status messages,
 * container commands, mount options). Every form a credential takes in such text is covered:
 * `--flag value`, `--flag=value`, `-flag value` (Go's single-dash flags), `-p value` (mysql and friends),
 * `KEY=value` and `key: value` (env, YAML, query strings), JSON pairs (also escaped inside a string), URLs with
 * user info, bearer/basic/token headers, PEM blocks, JWTs and long random-looking tokens.
 * A secret-looking key is one whose name says it holds a credential (password, token, secret, api key...).
 * Pure: text in, text and the number of values removed out.
 */

export const REDACTED = '<redacted>';

/** Names of keys, flags and variables that hold a credential: DB_PASSWORD, api-key, clientSecret, x-auth-token... */
const SECRET_NAME = /passw(or)?d|passwd|pwd|passphrase|secret|token|credential|cookie|auth|bearer|signature|private|session|apikey|api[-_.]key|access[-_.]?key|key$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.replace(/^-+/, ''));
}

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const NAME = String.raw`[A-Za-z0-9_.-]*`;
/** A value: double- or single-quoted, or up to the next separator. */
const VALUE = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&"'}\])]+)`;

const RULES: Rule[] = [
  // PEM blocks (private keys, certificates), up to their END line or the end of the text.
  { pattern: /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, replace: () => REDACTED },
  // JWTs (service account tokens, OIDC id tokens).
  { pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, replace: () => REDACTED },
  // URLs with user info: scheme://user:password@host and scheme://token@host.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, replace: (_m, scheme) => `${scheme}${REDACTED}@` },
  // Authorization headers and schemes: "Authorization: Bearer x", "Basic x", "token x".
  { pattern: /\b(authorization|proxy-authorization)(\\?["']?\s*[:=]\s*\\?["']?)[^"'\\\n]+/gi, replace: (_m, key, sep) => `${key}${sep}${REDACTED}` },
  // "Bearer x" / "Basic x": the value is a token when it has a digit or base64 punctuation ("basic volume" is not).
  {
    pattern: /\b(bearer|basic|digest)([ \t]+)(?!<redacted>)([A-Za-z0-9._~+/=-]{8,})/gi,
    replace: (match, scheme, space, value) => (/[0-9+/=]/.test(value) || value.length >= 24 ? `${scheme}${space}${REDACTED}` : match),
  },
  // JSON pairs with a secret-looking key, also escaped JSON inside a JSON string ("{\"password\":\"x\"}").
  {
    pattern: /(\\*")([^"\\]*)(\\*"[ \t]*:[ \t]*)(\\*"(?:[^"\\]|\\(?!")|\\\\)*\\*"|-?\d[\d.eE+-]*|true|false|null)/g,
    replace: (match, q1, key, sep, _value) => (isSecretName(key) ? `${q1}${key}${sep}${q1}${REDACTED}${q1}` : match),
  },
  // key=value and key: value (env, YAML lines, query strings, --flag=value), when the key is secret-looking.
  {
    pattern: new RegExp(String.raw`(^|[\s,;{(&?"'\[])(-{0,2}${NAME})([ \t]*[=:][ \t]*)(${VALUE})`, 'g'),
    replace: (match, before, key, sep, value) => (isSecretName(key) && value !== REDACTED && !value.startsWith('//') ? `${before}${key}${sep}${REDACTED}` : match),
  },
  // --flag value and -flag value, when the flag is secret-looking.
  {
    pattern: new RegExp(String.raw`(^|\s)(-{1,2}${NAME})([ \t]+)(?!-)(${VALUE})`, 'g'),
    replace: (match, before, flag, space, value) => (isSecretName(flag) && value !== REDACTED ? `${before}${flag}${space}${REDACTED}` : match),
  },
  // mysql -p / -pSECRET, redis-cli -a SECRET: a short flag whose value is a password (paths and numbers are not).
  { pattern: /(^|\s)(-p)(?!\s*(?:[/.~]|\d+\b|<redacted>))(\s*)(\S+)/g, replace: (_m, before, flag, space) => `${before}${flag}${space}${REDACTED}` },
  // Long random-looking tokens: 20+ characters mixing upper case, lower case and digits (API keys, base64
  // secrets). Kubernetes names, UUIDs and hex digests are single-case, so they stay.
  {
    pattern: /(?<![A-Za-z0-9+/_=-])(?:[A-Za-z0-9+/_=-]){20,}(?![A-Za-z0-9+/_=-])/g,
    replace: (match) => (/[a-z]/.test(match) && /[A-Z]/.test(match) && /[0-9]/.test(match) ? REDACTED : match),
  },
];

export interface Scrubbed {
  text: string;
  /** How many values were replaced by REDACTED. */
  removed: number;
}

/** Free text with every credential form above replaced by REDACTED. */
export function scrubText(text: string): Scrubbed {
  let out = text;
  let removed = 0;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      const replaced = rule.replace(match, ...(groups.filter((g) => typeof g === 'string' || g === undefined).map((g) => (g as string | undefined) ?? '') as string[]));
      if (replaced !== match) removed += 1;
      return replaced;
    });
  }
  return { text: out, removed };
}

/**
 * A command line (container command or args): the argument after a secret-looking flag is a credential
 * (`--password hunter2`, `-token abc`, `-p hunter2`), and each argument is scrubbed as text as well (`sh -c`
 * scripts, `KEY=value`, `--flag=value`).
 */
export function scrubArguments(argv: readonly string[]): { argv: string[]; removed: number } {
  let removed = 0;
  const out = argv.map((argument, index) => {
    const previous = index > 0 ? argv[index - 1]! : undefined;
    if (previous !== undefined && /^-{1,2}[A-Za-z0-9_.-]+$/.test(previous) && !argument.startsWith('-') && (isSecretName(previous) || previous === '-p')) {
      removed += 1;
      return REDACTED;
    }
    const scrubbed = scrubText(argument);
    removed += scrubbed.removed;
    return scrubbed.text;
  });
  return { argv: out, removed };
}

/** Shapes that are credentials whatever field holds them (and that no Kubernetes identifier can have). */
const CREDENTIAL_SHAPE = /-----BEGIN [A-Z0-9 ]+-----|\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.|:\/\/[^\s/?#@]+@|\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}/i;

/** An identifier-like value (a name, a label, a path) that is shaped like a credential instead. */
export function looksLikeCredential(value: string): boolean {
  return CREDENTIAL_SHAPE.test(value);
}
