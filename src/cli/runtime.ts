/** What the CLI commands need from the outside world; main.ts gives the real one, tests give fakes. */
import type { Core } from '../main/core/core';

export interface CliIo {
  /** Standard output. `ownColours`: the text holds the formatter's own colour sequences (kept; nothing else is). */
  out(text: string, options?: { ownColours?: boolean }): void;
  err(text: string): void;
  /** Standard output is a terminal (colours allowed). */
  isTTY: boolean;
}

export interface CliRuntime {
  io: CliIo;
  version: string;
  /**
   * A started core over the real kubeconfig. `autoOpenDemo`: open the demo when there is no kubeconfig.
   * `openContextOnStart`: remember the last opened context and start syncing it (else the current one) at once.
   */
  createCore(options: { autoOpenDemo: boolean; openContextOnStart?: boolean }): Promise<Core>;
  /** The kubeconfig's current-context, if any. */
  currentContext(): Promise<string | undefined>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** The directory holding lessons/, exercises/ and demo/. */
  resourcesDir: string;
  /** The built renderer that `kse web` serves. */
  rendererDir: string;
  /** Opens the URL without putting it on a command line; returns the clean-up to run when the host stops. */
  openBrowser(url: string): (() => void) | void;
  /** Resolves when the user stops the program (Ctrl+C). */
  untilInterrupted(): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** A failure the user can act on: printed as is, with this exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
