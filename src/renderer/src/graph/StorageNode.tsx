/** One node of the binding graph: its type, name, a secondary line, severity and verdict marks. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import type { StorageFlowNode } from './layout';
import { verbatim } from '../../../shared/verbatim';

function StorageNodeView({ data: { node: data, root, direction }, selected }: NodeProps<StorageFlowNode>) {
  const { t, tr } = useI18n();
  const classes = [
    'storage-node',
    `type-${data.type}`,
    data.severity ? `sev-border-${data.severity}` : '',
    data.missing ? 'missing' : '',
    root ? 'root' : '',
    selected ? 'selected' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="graph-node"
      data-type={data.type}
      data-name={data.label}
      title={data.missing ? `${verbatim(data.label)} (${t('details.missing')})` : verbatim(data.label)}
    >
      <Handle type="target" position={direction === 'TB' ? Position.Top : Position.Left} isConnectable={false} />
      <div className="storage-node-head">
        <span className="node-type">{t(`graph.type.${data.type}`)}</span>
        {data.verdict && <span className={`verdict v-${data.verdict}`}>{t(`verdict.${data.verdict}`)}</span>}
        {data.missing && <span className="tone-text-bad">{t('details.missing')}</span>}
      </div>
      <div className="storage-node-label" translate="no">
        {data.label}
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
