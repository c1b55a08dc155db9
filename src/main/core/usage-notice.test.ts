/**
 * What a usage notice names (issue 14): the claims, pods and nodes whose usage as their details and rows show it
 * moved, so the renderer refetches those panels only (api/usage-notice.ts), not every open one on every poll.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../shared/contract';
import type { ObjectRef } from '../../shared/model/refs';
import { boundClaim, mountingPod, usageLab } from './testing/usage-session';

const MI = 1024 ** 2;
import { usageChangeObjects } from './usage-notice';

type UsageNotice = Extract<Notice, { type: 'usage' }>;
const claimRef = (namespace: string, name: string): ObjectRef => ({ kind: 'persistentvolumeclaims', namespace, name });
const named = (n: UsageNotice | undefined) => (n?.objects ?? []).map((r) => `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`).sort();

describe('the objects a usage change is about', () => {
  it('a claim key names the claim, an emptyDir key its pod, a node its own usage, and a node that changed state the claims mounted there', () => {
    const pods = [mountingPod('shop', 'web-0', 'n1', ['data']), { ...mountingPod('shop', 'build', 'n1', []), spec: { nodeName: 'n1', volumes: [{ name: 'scratch', ephemeral: {} }] } }];
    const objects = usageChangeObjects({ volumes: ['claim:shop/logs', 'emptyDir:shop/web-1/cache'], nodeUsage: ['n2'], reachability: ['n1'] }, (node) => (node === 'n1' ? pods : []));
    expect(objects).toEqual([claimRef('shop', 'logs'), { kind: 'pods', namespace: 'shop', name: 'web-1' }, { kind: 'nodes', name: 'n2' }, claimRef('shop', 'data'), claimRef('shop', 'build-scratch')]);
  });
});

describe('a usage notice names only what moved', () => {
  const claims = [boundClaim('shop', 'data'), boundClaim('shop', 'logs'), boundClaim('shop', 'unseen'), boundClaim('web', 'media', 10)];
  const pods = [mountingPod('shop', 'web-0', 'n1', ['data', 'logs', 'unseen'], { cache: '1Gi' }), mountingPod('web', 'media-0', 'n2', ['media'])];
  const lastUsage = (notices: Notice[]) => notices.filter((n): n is UsageNotice => n.type === 'usage').at(-1);

  async function opened() {
    const lab = await usageLab(claims, pods);
    lab.used.set('shop/data', 512 * MI).set('shop/logs', 256 * MI).set('web/media', 100 * MI).set('shop/web-0/cache', 100 * MI);
    await lab.session.pollUsage();
    await vi.waitFor(() => expect(lastUsage(lab.notices)).toBeDefined());
    return lab;
  }

  it('one claim filling names that claim, not the claims, pods and nodes beside it', async () => {
    const lab = await opened();
    // The first round: the permission check answered, so every object's usage changed (none named: all).
    expect(lastUsage(lab.notices)).toMatchObject({ access: true });
    expect(lastUsage(lab.notices)?.objects).toBeUndefined();
    lab.notices.length = 0;
    lab.used.set('shop/data', 920 * MI);
    await lab.session.pollUsage();
    await vi.waitFor(() => expect(lastUsage(lab.notices)).toBeDefined());
    expect(lastUsage(lab.notices)).toMatchObject({ volumes: ['claim:shop/data'], access: false });
    expect(named(lastUsage(lab.notices))).toEqual(['persistentvolumeclaims/shop/data']);
    await lab.session.stop();
  });

  it('an emptyDir filling names its pod; a node that stops answering names itself and every claim mounted there, measured or not', async () => {
    const lab = await opened();
    lab.notices.length = 0;
    lab.used.set('shop/web-0/cache', 200 * MI);
    await lab.session.pollUsage();
    await vi.waitFor(() => expect(named(lastUsage(lab.notices))).toEqual(['pods/shop/web-0']));
    lab.notices.length = 0;
    lab.failing.add('n1');
    await lab.session.pollUsage();
    await vi.waitFor(() => expect(lastUsage(lab.notices)).toBeDefined());
    // shop/unseen was never measured: its cell goes from "not reported" to "node n1 did not answer".
    expect(named(lastUsage(lab.notices))).toEqual(['nodes/n1', 'persistentvolumeclaims/shop/data', 'persistentvolumeclaims/shop/logs', 'persistentvolumeclaims/shop/unseen', 'pods/shop/web-0']);
    await lab.session.stop();
  });

  it('a trend finding that comes with the history alone, no value moving, names that claim only', async () => {
    const lab = await opened();
    // claim.over-provisioned once a claim was seen below 10 % for this long (default 1 h).
    lab.session.usageOptions.overProvisionedMinMs = 20;
    await lab.session.listFindings({ offset: 0, limit: 100 }); // someone reads findings
    lab.notices.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 30));
    await lab.session.pollUsage();
    await vi.waitFor(() => expect(lastUsage(lab.notices)).toBeDefined());
    expect(lastUsage(lab.notices)).toMatchObject({ nodes: [], volumes: [], access: false });
    expect(named(lastUsage(lab.notices))).toEqual(['persistentvolumeclaims/web/media']);
    const findings = await lab.session.listFindings({ offset: 0, limit: 100 });
    expect(findings.rows.filter((f) => f.code === 'claim.over-provisioned').map((f) => f.object.name)).toEqual(['media']);
    await lab.session.stop();
  });
});
