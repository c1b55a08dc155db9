/**
 * The credentials of one context, applied by client-node (client certs, tokens, token files, exec plugins, OIDC,
 * proxy-url, CA) and turned into what a plain node:https request needs: an agent (TLS material, proxy) and headers.
 *
 * Why cached: applying can run an exec plugin (a process per call when its credential has no expiry), so the
 * result is reused; it is re-applied every few minutes (client-node's authenticators renew expiring tokens then)
 * and refreshed from scratch after a 401. One refresh at a time: concurrent callers share it.
 */
import type { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { EXEC_PLUGIN_TIMEOUT_MS, ExecPluginError } from './exec-plugin';
import { safeServerUrl } from '../../shared/server-url';

export interface AppliedAuth {
  agent: HttpAgent;
  headers: Record<string, string>;
  /** Increments on every refresh, so a caller can tell whether its credential is already stale. */
  generation: number;
}

export interface CredentialsOptions {
  /**
   * Builds a fresh KubeConfig for the context (fresh auth caches, re-read token files). `signal` aborts when
   * these credentials are closed: an exec plugin still running for them is killed (exec-plugin.ts).
   */
  makeKubeConfig: (signal: AbortSignal) => KubeConfig;
  /**
   * An auth provider (OIDC refresh...) that takes longer than this is reported as failed. Exec plugins have
   * their own, shorter limit, at which they are killed (EXEC_PLUGIN_TIMEOUT_MS), so their message comes first.
   */
  applyTimeoutMs?: number;
  /** Closing the cluster: stops what is being applied (a running exec plugin is killed). */
  signal?: AbortSignal;
  /** Re-apply (cheap when client-node's caches are valid) after this long. */
  reapplyAfterMs?: number;
}

export class CredentialError extends Error {}

export class Credentials {
  private kc: KubeConfig;
  private applied: { auth: AppliedAuth; at: number } | undefined;
  private inFlight: Promise<AppliedAuth> | undefined;
  private generation = 0;
  private readonly applyTimeoutMs: number;
  private readonly reapplyAfterMs: number;
  private readonly closed = new AbortController();

  constructor(private readonly options: CredentialsOptions) {
    options.signal?.addEventListener('abort', () => this.closed.abort(), { once: true });
    this.kc = options.makeKubeConfig(this.closed.signal);
    this.applyTimeoutMs = options.applyTimeoutMs ?? EXEC_PLUGIN_TIMEOUT_MS + 5_000;
    this.reapplyAfterMs = options.reapplyAfterMs ?? 5 * 60_000;
  }

  /** The API server URL of the context, to send requests to (it may carry user:password). */
  get serverUrl(): string {
    return this.kc.getCurrentCluster()?.server ?? '';
  }

  /** The API server URL for messages: never with the user:password a kubeconfig may put in it. */
  get server(): string {
    return safeServerUrl(this.serverUrl);
  }

  get userName(): string | undefined {
    return this.kc.getCurrentUser()?.name;
  }

  /** The current credential, applying it when there is none or it is old. */
  current(): Promise<AppliedAuth> {
    if (this.applied && Date.now() - this.applied.at < this.reapplyAfterMs) return Promise.resolve(this.applied.auth);
    return this.singleFlight(() => this.apply(this.kc));
  }

  /**
   * After a 401 with `stale`: rebuild the KubeConfig (dropping cached exec tokens) and apply again, unless another
   * caller already refreshed since `stale` was issued, in which case its result is returned.
   */
  refresh(stale: AppliedAuth): Promise<AppliedAuth> {
    if (this.applied && this.applied.auth.generation !== stale.generation) return Promise.resolve(this.applied.auth);
    return this.singleFlight(() => {
      this.kc = this.options.makeKubeConfig(this.closed.signal);
      return this.apply(this.kc);
    });
  }

  private singleFlight(run: () => Promise<AppliedAuth>): Promise<AppliedAuth> {
    if (!this.inFlight) {
      this.inFlight = run().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  private async apply(kc: KubeConfig): Promise<AppliedAuth> {
    const options: RequestOptions = { headers: {} };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CredentialError(`${this.describeAuth(kc)} did not answer within ${this.applyTimeoutMs / 1000} s. Check that it works in a terminal (kubectl get ns).`)),
        this.applyTimeoutMs,
      );
    });
    try {
      await Promise.race([kc.applyToHTTPSOptions(options), timeout]);
    } catch (error) {
      if (error instanceof CredentialError) throw error;
      // The plugin runner's messages already name the plugin, the user and the context.
      if (error instanceof ExecPluginError) throw new CredentialError(error.message);
      const detail = (error as Error).message?.trim() || 'it failed without a message';
      throw new CredentialError(`${this.describeAuth(kc)} failed: ${detail}. Check that it works in a terminal (kubectl get ns).`);
    } finally {
      clearTimeout(timer);
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.headers ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') headers[key] = String(value);
    }
    if (typeof options.auth === 'string') headers.Authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
    if (!options.agent || options.agent === true) throw new CredentialError('The kubeconfig produced no HTTP agent for this cluster.');
    this.generation += 1;
    const auth: AppliedAuth = { agent: keepAliveAgent(kc, options) ?? options.agent, headers, generation: this.generation };
    const previous = this.applied?.auth.agent;
    this.applied = { auth, at: Date.now() };
    // Old sockets (open watches) finish on their own; the previous agent only stops pooling.
    if (previous && previous !== auth.agent) setTimeout(() => previous.destroy(), 15 * 60_000).unref();
    return auth;
  }

  private describeAuth(kc: KubeConfig): string {
    const user = kc.getCurrentUser();
    if (user?.authProvider) return `The auth provider of user "${user.name}"`;
    return `Loading the credentials of user "${user?.name ?? '(none)'}"`;
  }

  /** Drops pooled connections and stops a credential plugin still running. */
  close(): void {
    this.closed.abort();
    this.applied?.auth.agent.destroy();
    this.applied = undefined;
  }
}

/**
 * client-node's agent opens a new TLS connection per request (no keep-alive): dozens of handshakes when a
 * cluster opens (access reviews, list pages). Without a proxy, the same TLS material goes into a keep-alive
 * agent instead; with a proxy-url, client-node's proxy agent is used as it is.
 */
function keepAliveAgent(kc: KubeConfig, options: RequestOptions): HttpsAgent | undefined {
  const cluster = kc.getCurrentCluster();
  if (!cluster || cluster.proxyUrl || !cluster.server.startsWith('https:')) return undefined;
  (options.agent as HttpAgent).destroy();
  return new HttpsAgent({
    ca: options.ca,
    cert: options.cert,
    key: options.key,
    pfx: options.pfx,
    passphrase: options.passphrase,
    servername: options.servername,
    ...(options.rejectUnauthorized !== undefined ? { rejectUnauthorized: options.rejectUnauthorized } : {}),
    keepAlive: true,
    keepAliveMsecs: 30_000,
    maxFreeSockets: 16,
  });
}
