/**
 * The binding graph around one object (Pod -> PVC -> PV -> StorageClass -> provisioner, and nodes) or across
 * a namespace. Edges are coloured and labelled by state; a broken edge names the finding that explains it.
 * Clicking a node selects that object (details open beside the graph, which stays where it is).
 */
import { useQuery } from '@tanstack/react-query';
import { Background, ControlButton, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type FitViewOptions, type NodeMouseHandler } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { GraphRequest } from '../../../shared/model/detail';
import { isProvisionerRef, refKey, sameRef, type TargetRef } from '../../../shared/model/refs';
import { targetKindWord } from '../state/target';
import { useApi } from '../api/api-context';
import { graphQuery } from '../api/queries';
import { usePaneActions } from '../components/pane-context';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { Verbatim } from '../i18n/Verbatim';
import { EDGE_COLOR, layoutGraph, NODE_HEIGHT, NODE_WIDTH, type StorageFlowNode } from './layout';
import { graphNamespaceChoice, graphRequestFor, graphRootOf, PROBLEMS_VIEW } from './start';
import { chooseDirection, coveredInsets, firstViewport, type CanvasRoom, type FitMargins } from './fit';
import { graphWords } from './words';
import { StorageNode } from './StorageNode';
import { BrokenLinks } from './BrokenLinks';

const NODE_TYPES = { storage: StorageNode };

export interface GraphViewProps {
  pane: PaneState;
  namespaces: string[];
  onChange(change: Partial<PaneState>): void;
}

export function GraphView({ pane, namespaces, onChange }: GraphViewProps) {
  const { t, tr } = useI18n();
  const { clusterId, select } = usePaneActions();
  const root = graphRootOf(pane);
  // Groups of alike objects the user opened (graph-fold.ts), kept while the graph asked for stays the same.
  const base = JSON.stringify(graphRequestFor(pane, clusterId));
  const [expanded, setExpanded] = useState<{ base: string; ids: string[] }>();
  const expand = expanded?.base === base ? expanded.ids : [];
  const request = graphRequestFor(pane, clusterId, expand);
  const choice = root ? '' : graphNamespaceChoice(pane);
  const [found, setFound] = useState<string>();

  return (
    <ReactFlowProvider key={JSON.stringify(request)}>
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
            value={choice}
            onChange={(e) => {
              const namespace = e.target.value || undefined;
              // The details of an object of another namespace would stay open over the new graph, about nothing in
              // it (trial 8, T8-6): they close, unless the object is in the namespace now drawn.
              const keep = pane.selected && !isProvisionerRef(pane.selected) && pane.selected.namespace !== undefined && pane.selected.namespace === namespace;
              onChange({ graphNamespace: namespace, graphRoot: undefined, ...(keep ? {} : { selected: undefined, trail: undefined }) });
            }}
            data-testid="graph-namespace"
          >
            {root && <option value="">{t('graph.pickNamespace')}</option>}
            <option value={PROBLEMS_VIEW}>{t('graph.problemsView')}</option>
            {namespaces.map((ns) => (
              <option key={ns} value={ns} translate="no">
                {ns}
              </option>
            ))}
          </select>
        </label>
        {/* In the toolbar, not a row of its own: the canvas keeps its height (trial 5, N-D4 at 1280x720 in Russian). */}
        <GraphSearch onFound={setFound} />
        {expand.length > 0 && (
          <button type="button" className="button small" onClick={() => setExpanded(undefined)} data-testid="graph-regroup">
            {t('graph.regroup')}
          </button>
        )}
        <span className="toolbar-spacer" />
        <EdgeLegend />
      </div>
        <GraphCanvas
          found={found}
          request={request}
          onSelect={select}
          selected={pane.selected}
          onExpand={(id) => setExpanded({ base, ids: [...expand, id] })}
        />
    </section>
    </ReactFlowProvider>
  );
}

/** Width of React Flow's zoom buttons and their margin at the canvas's left edge, px, with a little air. */
const CONTROLS_ROOM = 15 + 26 + 12;

/**
 * Room the first view leaves free inside the visible canvas, px. The zoom buttons sit at the bottom-left corner:
 * the first view leaves them their own strip on the left so they never cover a node (trial 4, N5).
 */
const MARGINS: FitMargins = { top: 12, right: 12, bottom: 12, left: CONTROLS_ROOM };

/**
 * The canvas's size and the part of it that panels overlaying it (details, lesson: `.panel-overlay`) hide.
 * A docked panel sits beside the canvas and hides nothing.
 */
function measureRoom(canvas: HTMLElement): CanvasRoom {
  const box = canvas.getBoundingClientRect();
  const covers = [...canvas.ownerDocument.querySelectorAll<HTMLElement>('.side-panel.panel-overlay')].map((p) => p.getBoundingClientRect());
  return { width: box.width, height: box.height, covered: coveredInsets(box, covers) };
}

/** Fit padding for React Flow: the margins plus what overlaying panels cover, as px strings. */
function fitPadding(room: CanvasRoom): NonNullable<FitViewOptions['padding']> {
  const side = (k: keyof FitMargins) => `${MARGINS[k] + room.covered[k]}px` as const;
  return { top: side('top'), right: side('right'), bottom: side('bottom'), left: side('left') };
}

/** The zoom buttons' fit button: fits every node into the part of the canvas visible now (panels open or not). */
function FitButton({ canvas, label }: { canvas: RefObject<HTMLDivElement | null>; label: string }) {
  const { fitView } = useReactFlow();
  return (
    <ControlButton
      className="react-flow__controls-fitview"
      title={label}
      aria-label={label}
      onClick={() => void (canvas.current ? fitView({ padding: fitPadding(measureRoom(canvas.current)) }) : fitView())}
    >
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
        <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
      </svg>
    </ControlButton>
  );
}

/** Past this many nodes, React Flow draws only the nodes and edges in view. */
const LARGE_GRAPH_NODES = 100;

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
  found,
  onExpand,
}: {
  request: GraphRequest;
  onSelect: ReturnType<typeof usePaneActions>['select'];
  /** The object whose details are open: its node is marked. */
  selected?: TargetRef;
  /** The node the search box found: marked. */
  found?: string;
  /** A group node was clicked: draw its members one by one. */
  onExpand(groupId: string): void;
}) {
  const { t, lang } = useI18n();
  const graph = useQuery(graphQuery(useApi(), request));
  const canvasRef = useRef<HTMLDivElement>(null);
  // The canvas is measured once, before React Flow mounts and fits its first view (a graph that moved each time a
  // panel opened would lose the user's place: clicking a node opens details beside the graph, which stays).
  const [room, setRoom] = useState<CanvasRoom>();
  useLayoutEffect(() => {
    if (!room && canvasRef.current) setRoom(measureRoom(canvasRef.current));
  });
  // The root and its neighbours: what the first view shows when the whole graph does not fit at a readable zoom.
  const near = useMemo(() => {
    const root = graph.data?.rootId;
    if (!root || !graph.data) return undefined;
    return new Set([root, ...graph.data.edges.flatMap((e) => (e.from === root ? [e.to] : e.to === root ? [e.from] : []))]);
  }, [graph.data]);
  const flow = useMemo(() => {
    if (!graph.data || !room) return undefined;
    const words = graphWords(t);
    const lr = layoutGraph(graph.data, words, 'LR');
    // Stacked top to bottom only when the row does not fit the visible part at a readable zoom and the stack fits better.
    const tb = layoutGraph(graph.data, words, 'TB');
    return chooseDirection({ LR: lr.nodes, TB: tb.nodes }, near, room, MARGINS, READABLE_ZOOM) === 'TB' ? tb : lr;
  }, [graph.data, t, room, near]);
  const nodes = useMemo(
    () =>
      flow?.nodes.map((n) => {
        const ref = n.data.node.ref;
        const classes = [ref && selected && sameRef(ref, selected) ? 'is-selected' : '', n.id === found ? 'is-found' : ''].filter(Boolean).join(' ');
        return classes ? { ...n, className: classes } : n;
      }),
    [flow, selected, found],
  );
  const onNodeClick: NodeMouseHandler<StorageFlowNode> = (_, node) => {
    if (node.data.node.group) onExpand(node.id);
    else if (node.data.node.ref) onSelect(node.data.node.ref);
  };

  // The first view: never so small that node text is unreadable (trial 3 of issue 8, defect 13: ~8 px at 1280 from
  // the details), and centred in the part of the canvas no panel covers (trial 5, N-D4). A graph that does not fit
  // at a readable zoom shows its root and the root's neighbours; the rest is a pan or a zoom-out away.
  const viewport = useMemo(() => {
    if (!room || !flow) return undefined;
    const focus = near ? flow.nodes.filter((n) => near.has(n.id)) : undefined;
    return firstViewport(flow.nodes, focus, room, MARGINS, READABLE_ZOOM, Math.max(1.2, READABLE_ZOOM));
  }, [room, flow, near]);
  if (graph.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: t('graph.label') })} />;
  if (!graph.data)
    return (
      <StateMessage kind="error" text={t('state.error', { what: t('graph.label') })} detail={errorText(graph.error, lang)} onRetry={() => void graph.refetch()} />
    );
  if (graph.data.nodes.length === 0) return <StateMessage kind="empty" text={t('problems' in request ? 'graph.noProblems' : 'graph.empty')} />;
  // The list of links that are not bound sits under the canvas, not over it, so it never hides a node. The canvas
  // is drawn empty first, with that list below it, to be measured; React Flow mounts into it once its room is known.
  return (
    <div className="graph-area">
    <div className="graph-canvas" ref={canvasRef}>
      {graph.data.truncated && <div className="banner">{t('graph.truncated')}</div>}
      {flow && viewport && (
      <ReactFlow<StorageFlowNode>
        nodes={nodes ?? flow.nodes}
        data-direction={flow.nodes[0]?.data.direction}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        onNodeClick={onNodeClick}
        // Keyboard users select a focused node with Enter; that arrives as a selection change.
        onSelectionChange={({ nodes }) => {
          const node = nodes.length === 1 ? (nodes[0] as StorageFlowNode).data.node : undefined;
          if (node?.group) onExpand(node.id);
          else if (node?.ref) onSelect(node.ref);
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        // A large graph draws only what is in view: panning 300 nodes drew frames of 100+ ms (docs/benchmarks.md).
        onlyRenderVisibleElements={flow.nodes.length > LARGE_GRAPH_NODES}
        defaultViewport={viewport}
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
        <Controls showInteractive={false} showFitView={false}>
          <FitButton canvas={canvasRef} label={t('graph.fitView')} />
        </Controls>
      </ReactFlow>
      )}
    </div>
      {graph.data && <BrokenLinks graph={graph.data} onSelect={onSelect} />}
    </div>
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

/**
 * Finds a node by name (a group's members too) and centres it at a readable zoom, marked until the next search.
 * The name first matches whole, then as a part, case-insensitively.
 */
function GraphSearch({ onFound }: { onFound(id: string | undefined): void }) {
  const { t, tr } = useI18n();
  const { setCenter, getZoom, getNodes } = useReactFlow<StorageFlowNode>();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ReactNode>();
  const find = () => {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return;
    const nodes = getNodes();
    const names = (n: StorageFlowNode) => (n.data.node.group ? n.data.node.group.members.map((m) => m.name) : [n.data.node.label]).map((x) => x.toLowerCase());
    const hit = nodes.find((n) => names(n).includes(wanted)) ?? nodes.find((n) => names(n).some((x) => x.includes(wanted)));
    onFound(hit?.id);
    if (!hit) {
      setResult(tr('graph.searchNone', { text: <Verbatim>{text.trim()}</Verbatim> }));
      return;
    }
    void setCenter(hit.position.x + NODE_WIDTH / 2, hit.position.y + NODE_HEIGHT / 2, { zoom: Math.max(getZoom(), READABLE_ZOOM), duration: 200 });
    setResult(tr('graph.searchFound', { name: <Verbatim>{hit.data.node.label}</Verbatim> }));
  };
  return (
    <form
      className="graph-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        find();
      }}
    >
      <input
        type="search"
        className="input small search"
        aria-label={t('graph.search')}
        placeholder={t('graph.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="graph-search"
      />
      <button type="submit" className="button small">
        {t('graph.searchGo')}
      </button>
      <span className="muted small-text" role="status" data-testid="graph-search-result">
        {result}
      </span>
    </form>
  );
}
