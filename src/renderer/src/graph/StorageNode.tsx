/** One node of the binding graph: its type, name, a secondary line, severity and verdict marks. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import type { StorageFlowNode } from './layout';
import { verbatim } from '../../../shared/verbatim';
import { middleEllipsis } from './words';

/**
 * Characters of a name that fit the card's label line: 213 px inside the card (layout.ts NODE_WIDTH less padding
 * and borders) over ~7.3 px per character of 12 px bold monospace (styles/panels.css .storage-node-label).
 */
export const LABEL_CHARS = 28;
/**
 * A group's label: its first member's name and what differs in its last ("data-0000 … 1959"), so the shared part
 * is read once.
 */
export function groupRange(first: string, last: string): string {
  let common = 0;
  while (common < first.length && first[common] === last[common]) common++;
  return `${first} … ${common >= 4 ? last.slice(common) : last}`;
}

function StorageNodeView({ data: { node: data, root, direction }, selected }: NodeProps<StorageFlowNode>) {
  const { t, tr } = useI18n();
  const classes = [
    'storage-node',
    `type-${data.type}`,
    data.severity ? `sev-border-${data.severity}` : '',
    data.missing ? 'missing' : '',
    root ? 'root' : '',
    selected ? 'selected' : '',
    data.group ? 'group' : '',
  ];
  const group = data.group;
  const first = group?.members[0]?.name ?? '';
  const last = group?.members[group.members.length - 1]?.name ?? '';
  const title = group
    ? t('graph.groupTitle', { n: group.count, first: verbatim(first), last: verbatim(last) })
    : data.missing
      ? `${verbatim(data.label)} (${t('details.missing')})`
      : verbatim(data.label);
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="graph-node"
      data-type={data.type}
      data-name={data.label}
      data-group-count={group?.count}
      title={title}
    >
      <Handle type="target" position={direction === 'TB' ? Position.Top : Position.Left} isConnectable={false} />
      <div className="storage-node-head">
        <span className="node-type">{group ? t('graph.groupCount', { type: t(`graph.type.${data.type}`), n: group.count }) : t(`graph.type.${data.type}`)}</span>
        {data.verdict && <span className={`verdict v-${data.verdict}`}>{t(`verdict.${data.verdict}`)}</span>}
        {data.missing && <span className="tone-text-bad">{t('details.missing')}</span>}
      </div>
      {/* Shortened in the middle to what the card holds (both ends of a name tell a workload's objects apart). */}
      <div className="storage-node-label" translate="no">
        {middleEllipsis(group ? groupRange(first, last) : data.label, LABEL_CHARS)}
      </div>
      {(data.sublabel || data.zones) && (
        <div className="storage-node-sub">
          {data.sublabel && <Verbatim>{data.sublabel}</Verbatim>}
          {data.sublabel && data.zones ? ' · ' : ''}
          {data.zones && tr('graph.zone', { zones: <Verbatim>{data.zones.join(', ')}</Verbatim> })}
        </div>
      )}
      <Handle type="source" position={direction === 'TB' ? Position.Bottom : Position.Right} isConnectable={false} />
    </div>
  );
}

export const StorageNode = memo(StorageNodeView);
