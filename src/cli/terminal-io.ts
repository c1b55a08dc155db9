/**
 * The CLI's only way to the terminal. Everything written to stdout and stderr (tables, reports, JSON, progress,
 * errors and the core's log lines) passes through one sanitiser, so a name or message from a cluster or a
 * snapshot can never clear the screen, set the window title, write a hyperlink or reorder a line, whichever
 * path printed it (src/shared/terminal-text.ts lists what is escaped).
 */
import { terminalSafe } from '../shared/terminal-text';
import type { CliIo } from './runtime';

export interface RawStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

export function terminalIo(streams: RawStreams): CliIo {
  return {
    out: (text, options) => void streams.stdout.write(terminalSafe(text, options)),
    err: (text) => void streams.stderr.write(terminalSafe(text)),
    isTTY: streams.stdout.isTTY === true,
  };
}
