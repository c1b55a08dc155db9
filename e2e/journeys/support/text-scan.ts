/**
 * The Russian text scan: collects every text a person sees in the window (text on screen, the selected option
 * of each select, tooltips and placeholders) and reports English words in it. Elements marked translate="no"
 * (names, messages, YAML, commands from the cluster) are skipped, and so is their text inside a tooltip.
 * Kubernetes identifiers pass: kinds and field names as the API writes them (StorageClass, claimRef), acronyms
 * (PVC, CSI), dotted, slashed or numbered tokens (spec.volumeName, kubernetes.io/host-path, v1.37),
 * kebab-case component names (kube-controller-manager), and the words in KUBERNETES_WORDS.
 */
import type { Page } from '@playwright/test';

/**
 * Kubernetes' own words, written as the API and kubectl write them: kinds, phases and other status values,
 * policies and modes, and the tools. They read the same in a Russian text.
 */
export const KUBERNETES_WORDS: ReadonlySet<string> = new Set([
  // Kinds
  'Pod', 'Node', 'Lease', 'Secret', 'Namespace', 'Deployment', 'Service', 'Event', 'Job',
  // Phases and status values
  'Pending', 'Bound', 'Lost', 'Available', 'Released', 'Failed', 'Terminating', 'Running', 'Succeeded', 'Unknown',
  'Warning', 'Normal', 'True', 'False', 'Guaranteed', 'Burstable', 'InProgress', 'Infeasible',
  // Binding modes, reclaim policies, volume modes, emptyDir media, hostPath types
  'Immediate', 'Retain', 'Delete', 'Recycle', 'Filesystem', 'Block', 'Memory', 'Directory',
  // Tools, components and field words used in prose
  'kubectl', 'kubelet', 'kubeconfig', 'kube', 'etcd', 'Kubernetes', 'Kubelet', 'tmpfs',
  'uid', 'optional', 'csi', 'nfs', 'local', 'list', 'watch',
  // The product's name (the window title) and the names of keys as keyboards print them (in keyboard help).
  'Kube', 'Storage', 'Explorer', 'Home', 'End', 'Enter', 'Space', 'Escape', 'Esc', 'Shift', 'Tab',
]);

/**
 * Words that pass only inside a Russian compound, as Russian engineers write the term («init-контейнер»): alone
 * they are an untranslated label (the pod tab "Init", a Summary value "false").
 */
export const COMPOUND_ONLY: ReadonlySet<string> = new Set(['init', 'Init']);

/**
 * English terms the Russian lessons keep on purpose, as Russian-speaking engineers say them: Kubernetes
 * components and concepts (PV controller, control plane, affinity, taints, probes, feature stages, admission),
 * CSI operations and services, volume types (projected, inline), Linux terms (root, OOM killer), proper names
 * (Container Storage Interface, SIG Storage, Pod Security Standards, Secrets Store CSI driver, GCE Persistent
 * Disk) and tools (kind, minikube, kwok, Helm, nginx). They pass in the lesson text only; the UI's own texts get
 * no such leeway.
 */
export const LESSON_TERMS: ReadonlySet<string> = new Set([
  'controller', 'Controller', 'control', 'plane', 'container', 'Container', 'runtime', 'affinity', 'taint', 'taints',
  'toleration', 'tolerations', 'liveness', 'readiness', 'startup', 'root', 'alpha', 'beta', 'admission', 'attach',
  'detach', 'stage', 'publish', 'Identity', 'Storage', 'Interface', 'SIG', 'Pod', 'Security', 'Standards', 'Secrets',
  'Store', 'driver', 'OOM', 'killer', 'kill', 'livenessprobe', 'node', 'ephemeral', 'storage', 'reclaim', 'policy',
  'inline', 'projected', 'persistent', 'disk',
  // Tools the lessons name: clusters to practise on, packagers, images.
  'kind', 'minikube', 'kwok', 'Helm', 'nginx', 'busybox', 'Prometheus',
]);

/** One text as seen: where it is and what it says. */
export interface SeenText {
  /** "text", "title", "placeholder" or "option". */
  kind: string;
  text: string;
  /** A short CSS-like path of the element, to find it. */
  where: string;
  /** Part of a lesson's prose (LESSON_TERMS apply). */
  lesson: boolean;
  /** Where an evidence row says what it was read from (a field path is expected there). */
  source?: boolean;
}

/** Every text the window shows a person, except what is marked translate="no". */
export async function visibleTexts(page: Page): Promise<SeenText[]> {
  return page.evaluate(() => {
    // Runs in the page: DOM types are reached through globalThis so the e2e tsconfig needs no DOM lib.
    const doc = (globalThis as unknown as { document: DocumentLike }).document;
    interface ElementLike {
      tagName: string;
      id: string;
      className: unknown;
      parentElement: ElementLike | null;
      getAttribute(name: string): string | null;
      closest(selector: string): ElementLike | null;
      querySelectorAll(selector: string): ArrayLike<ElementLike>;
      checkVisibility?(options: Record<string, boolean>): boolean;
      getClientRects(): ArrayLike<unknown>;
      textContent: string | null;
      selectedOptions?: ArrayLike<ElementLike>;
    }
    interface TextLike {
      nodeValue: string | null;
      parentElement: ElementLike | null;
    }
    interface DocumentLike {
      body: ElementLike;
      createTreeWalker(root: ElementLike, whatToShow: number): { nextNode(): TextLike | null };
    }
    const SHOW_TEXT = 4;
    const hiddenTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION']);
    const where = (el: ElementLike | null) => {
      const parts: string[] = [];
      for (let e = el; e && parts.length < 4; e = e.parentElement) {
        const testId = e.getAttribute('data-testid');
        parts.unshift(testId ? `[data-testid=${testId}]` : `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : ''}`);
      }
      return parts.join(' > ');
    };
    const visible = (el: ElementLike) =>
      (el.checkVisibility ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : true) && el.getClientRects().length > 0;
    const untranslated = (el: ElementLike) => el.closest('[translate="no"]') !== null;
    const out: { kind: string; text: string; where: string; lesson: boolean; source?: boolean }[] = [];
    const inLesson = (el: ElementLike) => el.closest('[data-testid="lesson-body"]') !== null;
    const inSource = (el: ElementLike) => el.closest('.evidence-source, .evidence-row dd > .small-text') !== null;

    const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
    // A value split into pieces that may wrap («spec.» «drivers[].» «name», components/break-points.ts) is read as
    // one text, as a person reads it: its pieces alone look like English words.
    const wholeValues = new Set<ElementLike>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let parent = node.parentElement;
      let text = (node.nodeValue ?? '').trim();
      const value = parent?.closest('.brk-value') ?? null;
      if (value) {
        if (wholeValues.has(value)) continue;
        wholeValues.add(value);
        parent = value;
        text = (value.textContent ?? '').trim();
      }
      if (!parent || !text || hiddenTags.has(parent.tagName) || parent.closest('select') || !visible(parent)) continue;
      // Verbatim text is not checked for English words, but internal tokens (rule ids) and evidence sources are.
      out.push({ kind: untranslated(parent) ? 'verbatim' : 'text', text, where: where(parent), lesson: inLesson(parent), source: inSource(parent) });
    }
    for (const select of Array.from(doc.body.querySelectorAll('select'))) {
      if (!visible(select)) continue;
      for (const option of Array.from(select.selectedOptions ?? [])) {
        if (!untranslated(option) && option.textContent?.trim()) out.push({ kind: 'option', text: option.textContent.trim(), where: where(select), lesson: false });
      }
    }
    // Tooltips, placeholders and accessible names (what a screen reader says: graph edges, grids, buttons): the
    // parts that repeat untranslated content of the element are not words of ours.
    for (const attribute of ['title', 'placeholder', 'aria-label']) {
      for (const el of Array.from(doc.body.querySelectorAll(`[${attribute}]`))) {
        if (untranslated(el) || !visible(el)) continue;
        let text = el.getAttribute(attribute) ?? '';
        // An accessible name often repeats what its neighbours show (the command beside a Copy button, the
        // object's name in the panel title), so the untranslated texts of the parent count as well.
        const context = attribute === 'aria-label' && el.parentElement ? el.parentElement : el;
        for (const raw of Array.from(context.querySelectorAll('[translate="no"]'))) {
          const value = raw.textContent?.trim();
          if (value) text = text.split(value).join(' ');
        }
        if (text.trim()) out.push({ kind: attribute, text: text.trim(), where: where(el), lesson: inLesson(el) });
      }
    }
    // The window's title (the tab, the task switcher).
    const title = (doc as unknown as { title: string }).title;
    if (title) out.push({ kind: 'document.title', text: title, where: 'title', lesson: false });
    return out;
  });
}

/** Token edges that are punctuation, not part of a word. */
const EDGE = /^[\s"'«»„“”‘’()[\]{}<>,.;:!?…—–·×→←↑↓●○◐◔▲ℹ✕*#+|]+|[\s"'«»„“”‘’()[\]{}<>,.;:!?…—–·×→←↑↓●○◐◔▲ℹ✕*#+|]+$/g;
const LATIN = /[A-Za-z]/;
const CYRILLIC = /[А-Яа-яЁё]/;

/** The English words of one text: Latin words that are not Kubernetes identifiers. */
export function englishWords(text: string, allowed: ReadonlySet<string> = KUBERNETES_WORDS): string[] {
  const words: string[] = [];
  // Code in backticks (`kse snapshot`) and values marked verbatim with Unicode isolates (src/shared/verbatim.ts,
  // as in tooltips built from diagnosis texts) are the cluster's or the shell's words, not ours.
  const ours = text.replace(/`[^`]*`/g, ' ').replace(/\u2068[^\u2069]*\u2069/g, ' ');
  for (const raw of ours.split(/\s+/)) {
    const token = raw.replace(EDGE, '');
    if (!LATIN.test(token)) continue;
    // A Russian word joined to a Latin one by a slash or hyphen is our text, not an identifier ("namespace/имя"):
    // its Latin parts are words to check. Compound terms («init-контейнер») pass through COMPOUND_ONLY.
    if (CYRILLIC.test(token)) {
      // The Latin chunks between the Russian words are read on their own: "namespace/имя" -> "namespace",
      // «Провизионер/storage.example.com/absent» -> "storage.example.com/absent" (an identifier).
      for (const chunk of token.split(/[А-Яа-яЁё]+/)) {
        const rest = chunk.replace(/^[/\-‑]+|[/\-‑]+$/g, '');
        if (!LATIN.test(rest)) continue;
        if (COMPOUND_ONLY.has(rest) && /[\-‑]/.test(chunk)) continue;
        words.push(...englishWords(rest, allowed));
      }
      continue;
    }
    // Paths, fields, versions, names with digits: identifiers.
    if (/[0-9./_:=@$\\]/.test(token)) continue;
    // kebab-case names of components and objects (kube-controller-manager, csi-resizer).
    if (/^[a-z]+(-[a-z]+)+$/.test(token)) continue;
    for (const part of token.split(/[-‑]/)) {
      const latin = part.replace(/[^A-Za-z]/g, '');
      if (!latin) continue;
      if (/^[A-Z]{2,}s?$/.test(latin)) continue; // PVC, CSI, YAML, PVs
      if (/^[A-Z]$/.test(latin)) continue; // placeholders: "PV X on node Y"
      if (/[a-z][A-Z]/.test(latin) || /[A-Z].*[A-Z]/.test(latin)) continue; // claimRef, StorageClass, CSIDriver
      if (allowed.has(latin)) continue;
      words.push(latin);
    }
  }
  return words;
}

export interface EnglishFound {
  view: string;
  word: string;
  text: string;
  kind: string;
  where: string;
}

/** English words on the screen now, labelled with the view being checked. */
export async function scanForEnglish(page: Page, view: string): Promise<EnglishFound[]> {
  const found: EnglishFound[] = [];
  const lessonWords = new Set([...KUBERNETES_WORDS, ...LESSON_TERMS]);
  for (const seen of await visibleTexts(page)) {
    for (const word of internalTokens(seen)) found.push({ view, word, text: seen.text.slice(0, 160), kind: seen.kind, where: seen.where });
    if (seen.kind === 'verbatim') continue;
    for (const word of englishWords(seen.text, seen.lesson ? lessonWords : KUBERNETES_WORDS)) found.push({ view, word, text: seen.text.slice(0, 160), kind: seen.kind, where: seen.where });
  }
  return found;
}

/** The app's rule ids (claim.provisioner-dead): internal codes, allowed in a tooltip but never shown as text. */
const RULE_ID = /\b(?:claim|volume|pod|class|node|statefulset)\.[a-z0-9]+(?:-[a-z0-9]+)+\b/g;

/**
 * Internal tokens in what a person reads, verbatim or not (issue 8, third trial): rule ids shown as text, and
 * evidence sources that are English words ("· size", "· storageclasses", "PVC annotation ...") instead of an API
 * field path. Tooltips may carry rule ids.
 */
export function internalTokens(seen: Pick<SeenText, 'kind' | 'text' | 'source'>): string[] {
  const out: string[] = [];
  if (seen.kind === 'text' || seen.kind === 'verbatim') out.push(...[...seen.text.matchAll(RULE_ID)].map((m) => m[0]));
  if (seen.source) {
    const text = seen.text.replace(/^[\s·]+/, '');
    if (/^[a-z]+$/.test(text)) out.push(text);
    else if (seen.kind === 'verbatim') out.push(...englishWords(text));
  }
  return out;
}

/** A report a person can act on: each English word once per view, with the text and element it is in. */
export function describeFindings(found: readonly EnglishFound[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of found) {
    const key = `${f.view}|${f.word}|${f.where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${f.view}: "${f.word}" in ${f.kind} "${f.text}" at ${f.where}`);
  }
  return lines.join('\n');
}
