/**
 * Volume usage as the UI writes it: percents through Intl ("87%" in English, "87 %" in Russian), sizes through
 * formatBytes, and why usage is unknown in words (never 0 or a blank as if known).
 */
import type { ClaimUsage } from '../../../shared/model/usage';
import { formatBytes } from './bytes';
import { cached } from './cached';
import type { UiLocale } from './locale';

const percentFormat = cached((lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }));

/** A whole percent (0-100) in the UI language. */
export function formatPercent(percent: number, locale: UiLocale): string {
  return percentFormat(locale.lang).format(percent / 100);
}

/** Why a usage is unknown, in words: "no permission to read usage", "usage unknown (node X)", ... */
export function usageUnknownText(usage: Extract<ClaimUsage, { state: 'unknown' }>, locale: UiLocale): string {
  switch (usage.reason) {
    case 'forbidden':
      return locale.t('usage.forbidden');
    case 'node-error':
      return locale.t('usage.nodeError', { node: usage.node ?? '' });
    case 'checking':
      return locale.t('usage.checking');
    case 'unsupported':
      return locale.t('usage.unsupported');
    case 'error':
      return locale.t('usage.error');
    case 'not-bound':
      return locale.t('usage.notBound');
    case 'not-mounted':
      return locale.t('usage.notMounted');
    case 'not-reported':
      return locale.t('usage.notReported', { node: usage.node ?? '' });
  }
}

/**
 * Why a claim's usage is unknown and what to do, one sentence per cause (the Summary under the short reason, the
 * table cell's title). The kubelet measures only volumes mounted by running pods (Summary API, pkg/kubelet/server/
 * stats); the app reads it with `get nodes/proxy` (issue 14).
 */
export function usageUnknownAdvice(usage: Extract<ClaimUsage, { state: 'unknown' }>, locale: UiLocale): string {
  const node = usage.node ?? '';
  // The RBAC words and commands are values (kubectl's own words), never translated.
  const permission = { verb: 'get', resource: 'nodes/proxy' };
  switch (usage.reason) {
    case 'forbidden':
      return locale.t('usage.why.forbidden', { ...permission, command: 'kubectl auth can-i get nodes --subresource=proxy' });
    case 'node-error':
      return locale.t('usage.why.nodeError', { node, command: `kubectl get --raw /api/v1/nodes/${node}/proxy/healthz` });
    case 'checking':
      return locale.t('usage.why.checking');
    case 'unsupported':
      return locale.t('usage.why.unsupported');
    case 'error':
      return locale.t('usage.why.error', permission);
    case 'not-bound':
      return locale.t('usage.why.notBound');
    case 'not-mounted':
      return locale.t('usage.why.notMounted');
    case 'not-reported':
      return locale.t('usage.why.notReported', { node });
  }
}

/** The Use % cell's text: "87%", or why it is unknown. */
export function usePercentText(usage: ClaimUsage | undefined, locale: UiLocale): string {
  if (!usage) return locale.t('usage.checking');
  if (usage.state === 'unknown') return usageUnknownText(usage, locale);
  return usage.usePercent === undefined ? locale.t('usage.noCapacity') : formatPercent(usage.usePercent, locale);
}

/** Used or free bytes, or a dash when unknown (the Use % cell and the dash's title say why). */
export function usageBytesText(usage: ClaimUsage | undefined, field: 'usedBytes' | 'availableBytes', locale: UiLocale): string {
  if (usage?.state !== 'known') return '—';
  const bytes = usage[field];
  return bytes === undefined ? '—' : formatBytes(bytes, locale);
}

/** Tone of a use percent: the thresholds of the nearly-full finding (85 % warning, 95 % problem). */
export function usageTone(percent: number | undefined, warning = 85, problem = 95): 'ok' | 'warning' | 'problem' {
  if (percent === undefined || percent < warning) return 'ok';
  return percent >= problem ? 'problem' : 'warning';
}

/** "87% used: 870Mi of 1Gi, 154Mi free (measured on node-1)": the bar's title. */
export function usagePercentTitle(usage: Extract<ClaimUsage, { state: 'known' }>, locale: UiLocale): string {
  return locale.t('usage.title', {
    percent: usage.usePercent === undefined ? '—' : formatPercent(usage.usePercent, locale),
    used: formatBytes(usage.usedBytes, locale),
    capacity: usage.capacityBytes === undefined ? '—' : formatBytes(usage.capacityBytes, locale),
    free: usage.availableBytes === undefined ? '—' : formatBytes(usage.availableBytes, locale),
    node: usage.node,
  });
}
