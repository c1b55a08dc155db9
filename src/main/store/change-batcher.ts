/**
 * Change notices, batched: kinds that changed are collected and handed to listeners at most every `intervalMs`
 * (default 200 ms), so a burst of watch events becomes one notice per batch, not one per object.
 */
import type { Kind } from '../../shared/kube/kinds';

export interface ChangeNotice {
  kinds: Kind[];
  revision: number;
}
export type ChangeListener = (notice: ChangeNotice) => void;

export class ChangeBatcher {
  private readonly kinds = new Set<Kind>();
  private readonly listeners = new Set<ChangeListener>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly revision: () => number,
    private readonly intervalMs = 200,
  ) {}

  get listening(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.cancel();
    };
  }

  add(kind: Kind): void {
    if (this.listeners.size === 0) return;
    this.kinds.add(kind);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending now (tests, and before closing). */
  flush(): void {
    this.cancel();
    if (this.kinds.size === 0) return;
    const notice: ChangeNotice = { kinds: [...this.kinds].sort(), revision: this.revision() };
    this.kinds.clear();
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch {
        // A failing listener must not stop the others or the store; listeners report their own errors.
      }
    }
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
