/**
 * The binding graph around one object (Pod -> PVC -> PV -> StorageClass -> provisioner, and nodes) or across
 * a namespace. Edges are coloured and labelled by state; a broken edge names the finding that explains it.
 * Clicking a node selects that object (details open beside the graph, which stays where it is).
 */
import { useQuery } from '@tanstack/react-query';
import { Background, Controls, ReactFlow, type FitViewOptions, type NodeMouseHandler } from '@xyflow/react';
import { useMemo } from 'react';
import type { GraphRequest, StorageGraph } from '../../../shared/model/detail';
import { isProvisionerRef, refKey, sameRef, type TargetRef } from '../../../shared/model/refs';
import { targetKindWord } from '../state/target';
import { useApi } from '../api/api-context';
import { graphQuery } from '../api/queries';
import { usePaneActions } from '../components/pane-context';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { Verbatim } from '../i18n/Verbatim';
import { findingTitle } from '../tables/cells';
import { EDGE_COLOR, layoutGraph, type StorageFlowNode } from './layout';
import { graphWords } from './words';
import { StorageNode } from './StorageNode';

const NODE_TYPES = { storage: StorageNode };

export interface GraphViewProps {
  pane: PaneState;
  namespaces: string[];
  onChange(change: Partial<PaneState>): void;
}

export function GraphView({ pane, namespaces, onChange }: GraphViewProps) {
  const { t, tr } = useI18n();
  const { clusterId, select } = usePaneActions();
  const root = pane.graphRoot ?? (pane.graphNamespace ? undefined : pane.selected);
  const request: GraphRequest | undefined = root
    ? isProvisionerRef(root)
      ? { clusterId, provisioner: root.name }
      : { clusterId, root }
    : pane.graphNamespace
      ? { clusterId, namespace: pane.graphNamespace }
      : undefined;

  return (
    <section className="graph-view" aria-label={t('graph.label')} data-testid="graph-view">
      <div className="toolbar">
        <span className="segmented" role="group" aria-label={t('graph.label')}>
          <button
            type="button"
            aria-pressed={Boolean(root)}
            disabled={!pane.selected && !pane.graphRoot}
            onClick={() => onChange({ graphRoot: pane.selected ?? pane.graphRoot, graphNamespace: undefined })}
          >
            {root ? tr('graph.objectViewOf', { name: <Verbatim>{`${targetKindWord(root, t('col.provisioner'))}/${refKey(root)}`}</Verbatim> }) : t('graph.objectView')}
          </button>
        </span>
        <label className="inline-label">
          {t('graph.namespaceView')}
          <select
            className="select"
            value={root ? '' : (pane.graphNamespace ?? '')}
            onChange={(e) => onChange({ graphNamespace: e.target.value || undefined, graphRoot: undefined })}
            data-testid="graph-namespace"
          >
            <option value="">{t('graph.pickNamespace')}</option>
            {namespaces.map((ns) => (
              <option key={ns} value={ns} translate="no">
                {ns}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <EdgeLegend />
      </div>
      {request ? <GraphCanvas request={request} onSelect={select} selected={pane.selected} /> : <StateMessage kind="empty" text={t('graph.selectHint')} />}
    </section>
  );
}

/** Width of React Flow's zoom buttons and their margin at the canvas's left edge, px, with a little air. */
const CONTROLS_ROOM = 15 + 26 + 12;

/** Smallest text in a node, px (styles/panels.css .storage-node-head). */
const SMALLEST_NODE_TEXT_PX = 10;
/** Least size node text is drawn at on the first view, px. */
export const MIN_READABLE_TEXT_PX = 11;
/** The least zoom of the first view: the smallest node text at least MIN_READABLE_TEXT_PX. */
const READABLE_ZOOM = MIN_READABLE_TEXT_PX / SMALLEST_NODE_TEXT_PX;

function GraphCanvas({
  request,
  onSelect,
  selected,
}: {
  request: GraphRequest;
  onSelect: ReturnType<typeof usePaneActions>['select'];
  /** The object whose details are open: its node is marked. */
  selected?: TargetRef;
}) {
  const { t } = useI18n();
  const graph = useQuery(graphQuery(useApi(), request));
  const flow = useMemo(
    () =>
      graph.data
        ? layoutGraph(graph.data, graphWords(t))
        : undefined,
    [graph.data, t],
  );
  const nodes = useMemo(
    () =>
      flow?.nodes.map((n) => {
        const ref = n.data.node.ref;
        return ref && selected && sameRef(ref, selected) ? { ...n, className: 'is-selected' } : n;
      }),
    [flow, selected],
  );
  const onNodeClick: NodeMouseHandler<StorageFlowNode> = (_, node) => {
    if (node.data.node.ref) onSelect(node.data.node.ref);
  };

  // The first view: never so small that node text is unreadable (trial 3 of issue 8, defect 13: ~8 px at 1280 from
  // the details). A graph that does not fit at a readable zoom shows its root and the root's neighbours; the rest is
  // a pan or a zoom-out away.
  const fitOptions = useMemo(() => {
    const root = flow?.nodes.find((n) => n.data.root)?.id;
    const near = root ? new Set([root, ...(flow?.edges ?? []).flatMap((e) => (e.source === root ? [e.target] : e.target === root ? [e.source] : []))]) : undefined;
    // The zoom buttons sit at the bottom-left corner: the first view leaves them their own strip on the left so
    // they never cover a node (trial 4, N5).
    const padding = { top: '12px', right: '12px', bottom: '12px', left: `${CONTROLS_ROOM}px` } as const satisfies FitViewOptions['padding'];
    return { padding, minZoom: READABLE_ZOOM, maxZoom: Math.max(1.2, READABLE_ZOOM), ...(near ? { nodes: [...near].map((id) => ({ id })) } : {}) };
  }, [flow]);
  if (graph.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: t('graph.label') })} />;
  if (!flow)
    return (
      <StateMessage kind="error" text={t('state.error', { what: t('graph.label') })} detail={errorText(graph.error)} onRetry={() => void graph.refetch()} />
    );
  if (flow.nodes.length === 0) return <StateMessage kind="empty" text={t('graph.empty')} />;
  // The list of links that are not bound sits under the canvas, not over it, so it never hides a node.
  return (
    <div className="graph-area">
    <div className="graph-canvas">
      {graph.data?.truncated && <div className="banner">{t('graph.truncated')}</div>}
      <ReactFlow<StorageFlowNode>
        nodes={nodes ?? flow.nodes}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        onNodeClick={onNodeClick}
        // Keyboard users select a focused node with Enter; that arrives as a selection change.
        onSelectionChange={({ nodes }) => {
          const ref = nodes.length === 1 ? (nodes[0] as StorageFlowNode).data.node.ref : undefined;
          if (ref) onSelect(ref);
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
        aria-label={t('graph.label')}
        ariaLabelConfig={{
          'controls.ariaLabel': t('graph.controls'),
          'controls.zoomIn.ariaLabel': t('graph.zoomIn'),
          'controls.zoomOut.ariaLabel': t('graph.zoomOut'),
          'controls.fitView.ariaLabel': t('graph.fitView'),
          'node.a11yDescription.default': t('graph.nodeHelp'),
          'node.a11yDescription.keyboardDisabled': t('graph.nodeHelp'),
          'edge.a11yDescription.default': t('graph.edgeHelp'),
          'handle.ariaLabel': t('graph.handle'),
        }}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
      {graph.data && <BrokenLinks graph={graph.data} onSelect={onSelect} />}
    </div>
  );
}

/**
 * Every edge that is not bound, in words, with the finding that explains it: the graph's meaning for
 * screen readers and for anyone who would rather read than trace lines.
 */
function BrokenLinks({ graph, onSelect }: { graph: StorageGraph; onSelect: ReturnType<typeof usePaneActions>['select'] }) {
  const { t, lang } = useI18n();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const broken = graph.edges.filter((e) => e.state !== 'bound');
  if (broken.length === 0) return null;
  // Collapsible (its summary names it and counts the links), open at first.
  return (
    <details className="broken-links-box" open data-testid="graph-broken-box">
      <summary data-testid="graph-broken-toggle">
        {t('graph.broken')} <span className="nav-count">{broken.length}</span>
      </summary>
    <ul className="broken-links" aria-label={t('graph.broken')} data-testid="graph-broken-links">
      {broken.map((edge) => {
        const from = byId.get(edge.from);
        const to = byId.get(edge.to);
        return (
          <li key={edge.id} data-testid="graph-broken-link" data-state={edge.state}>
            <span className={`legend-line edge-line-${edge.state}`} aria-hidden="true" />
            {from?.ref ? (
              <button type="button" className="object-link" translate="no" onClick={() => from.ref && onSelect(from.ref)}>
                {from.label}
              </button>
            ) : (
              <Verbatim className="mono">{from?.label ?? edge.from}</Verbatim>
            )}
            <span className="muted">→</span>
            <Verbatim className="mono">{to?.label ?? edge.to}</Verbatim>
            {/* The state in the target's own words when it has one: a provisioner drawn «НЕ РАБОТАЕТ» is not «не существует» here. */}
            <strong className={`edge-text-${edge.state}`} data-testid="graph-broken-state">
              {to?.missing ? t('details.missing') : to?.verdict && to.verdict !== 'alive' && to.verdict !== 'static' ? t(`verdict.${to.verdict}`) : t(`edge.${edge.state}`)}
            </strong>
            {edge.findingCode && (
              <span className="muted" title={t('details.ruleId', { code: edge.findingCode })} data-code={edge.findingCode}>
                {findingTitle(edge.findingCode, lang)}
              </span>
            )}
          </li>
        );
      })}
    </ul>
    </details>
  );
}

function EdgeLegend() {
  const { t } = useI18n();
  return (
    <ul className="edge-legend" aria-label={t('graph.legend')}>
      {(Object.keys(EDGE_COLOR) as (keyof typeof EDGE_COLOR)[]).map((state) => (
        <li key={state}>
          <span className={`legend-line edge-line-${state}`} aria-hidden="true" />
          {t(`edge.${state}`)}
        </li>
      ))}
    </ul>
  );
}
