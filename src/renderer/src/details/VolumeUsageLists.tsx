/**
 * Usage in a pod's and a node's Summary: each emptyDir against its sizeLimit and the pod's ephemeral storage
 * against its limits (past either the kubelet evicts the pod), and the node filesystem. Values as the kubelet last measured them; unknown is said, never 0.
 */
import type { NodeUsage, VolumeUsage } from '../../../shared/model/usage';
import { usePercent } from '../../../shared/usage/summary';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/i18n';
import { UsageBarCell } from '../tables/usage-cells';

function percentOf(used: number | undefined, total: number | undefined): number | undefined {
  return usePercent({ usedBytes: used, capacityBytes: total });
}

/**
 * A pod's local storage: each emptyDir against its sizeLimit and, when a container sets an ephemeral-storage limit,
 * the whole pod's ephemeral storage (writable layers, logs, emptyDirs on disk) against the pod's limit. Past either
 * the kubelet evicts the pod.
 */
export function EmptyDirUsage({ volumes, ephemeral }: { volumes: readonly VolumeUsage[]; ephemeral?: VolumeUsage }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = { ...i18n, now: Date.now() };
  const bar = (v: VolumeUsage, limit: number) => {
    const percent = usePercent(v);
    return <UsageBarCell usage={{ state: 'known', usedBytes: v.usedBytes!, ...(percent !== undefined ? { usePercent: percent } : {}), capacityBytes: limit, node: v.node }} ctx={ctx} />;
  };
  return (
    <section className="claim-usage" data-testid="emptydir-usage" aria-labelledby="emptydir-usage-title">
      <h3 id="emptydir-usage-title" className="section-title">
        {t(volumes.length === 0 ? 'usage.ephemeralTitle' : 'usage.emptyDirs')}
      </h3>
      <dl className="summary-list">
        {volumes.map((v) => {
          const limited = v.sizeLimitBytes !== undefined;
          return (
            <div className="summary-row" key={v.key} data-testid="emptydir-usage-row" data-volume={v.volume}>
              <dt translate="no">{v.volume}</dt>
              <dd>
                {v.usedBytes === undefined ? (
                  <span className="muted">{t('usage.notReported', { node: v.node })}</span>
                ) : (
                  <>
                    {limited && bar(v, v.sizeLimitBytes!)}{' '}
                    <span>
                      {limited
                        ? t('usage.ofSizeLimit', { used: formatBytes(v.usedBytes, i18n), limit: formatBytes(v.sizeLimitBytes, i18n) })
                        : t('usage.noSizeLimit', { used: formatBytes(v.usedBytes, i18n), free: v.availableBytes === undefined ? '—' : formatBytes(v.availableBytes, i18n) })}
                    </span>
                  </>
                )}
              </dd>
            </div>
          );
        })}
        {ephemeral && ephemeral.sizeLimitBytes !== undefined && (
          <div className="summary-row" data-testid="ephemeral-usage-row">
            <dt>{t('usage.ephemeral')}</dt>
            <dd>
              {ephemeral.usedBytes === undefined ? (
                <span className="muted">{t('usage.notReported', { node: ephemeral.node })}</span>
              ) : (
                <>
                  {bar(ephemeral, ephemeral.sizeLimitBytes)}{' '}
                  <span>{t('usage.ofPodLimit', { used: formatBytes(ephemeral.usedBytes, i18n), limit: formatBytes(ephemeral.sizeLimitBytes, i18n) })}</span>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

export function NodeFsUsage({ usage }: { usage: NodeUsage }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fs = usage.fs;
  const percent = percentOf(fs?.usedBytes, fs?.capacityBytes);
  return (
    <section className="claim-usage" data-testid="node-usage" aria-labelledby="node-usage-title">
      <h3 id="node-usage-title" className="section-title">
        {t('usage.nodeFs')}
      </h3>
      {usage.state === 'error' ? (
        <p className="muted" data-testid="node-usage-unknown">
          {t('usage.nodeError', { node: usage.node })}
          {usage.error ? `: ${usage.error}` : ''}
        </p>
      ) : usage.state === 'pending' || !fs || fs.usedBytes === undefined ? (
        <p className="muted">{t('usage.checking')}</p>
      ) : (
        <p data-testid="node-usage-value">
          <UsageBarCell usage={{ state: 'known', usedBytes: fs.usedBytes, ...(percent !== undefined ? { usePercent: percent } : {}), ...(fs.capacityBytes !== undefined ? { capacityBytes: fs.capacityBytes } : {}), ...(fs.availableBytes !== undefined ? { availableBytes: fs.availableBytes } : {}), node: usage.node }} ctx={{ ...i18n, now: Date.now() }} />{' '}
          {t('usage.usedOf', {
            used: formatBytes(fs.usedBytes, i18n),
            capacity: fs.capacityBytes === undefined ? '—' : formatBytes(fs.capacityBytes, i18n),
            free: fs.availableBytes === undefined ? '—' : formatBytes(fs.availableBytes, i18n),
          })}
        </p>
      )}
    </section>
  );
}
