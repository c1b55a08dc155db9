/**
 * Who may call the contract over IPC: only the main frame of our own window, showing our own page. An iframe,
 * another window, or our window navigated elsewhere is refused (as Electron Fiddle rejects unknown senders),
 * so a page that got loaded by mistake cannot read cluster data.
 */

export interface SenderFacts {
  /** webContents id of the sender. */
  webContentsId: number;
  /** URL of the sending frame, when the frame still exists. */
  frameUrl: string | undefined;
  /** True when the sending frame is the top frame of its page. */
  isMainFrame: boolean;
}

export interface TrustedApp {
  /** Our window's webContents id. */
  webContentsId: number | undefined;
  /** Origins our page is served from, e.g. "app://kse" (and the dev server's in development). */
  origins: readonly string[];
}

/** The origin of a URL ("app://kse", "http://localhost:5173"), or undefined when it has none. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    // Custom schemes give origin "null" in WHATWG URL: build it from protocol and host instead.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

export function isTrustedSender(sender: SenderFacts, app: TrustedApp): boolean {
  if (app.webContentsId === undefined || sender.webContentsId !== app.webContentsId) return false;
  if (!sender.isMainFrame) return false;
  const origin = originOf(sender.frameUrl);
  return origin !== undefined && app.origins.includes(origin);
}
