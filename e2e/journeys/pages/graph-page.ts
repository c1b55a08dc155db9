/** The binding graph: nodes by type and name, and the list of edges that are not bound. */
import type { Locator } from '@playwright/test';

export type GraphNodeType = 'statefulset' | 'pod' | 'claim' | 'volume' | 'class' | 'provisioner' | 'node' | 'snapshot';

export class GraphPage {
  readonly nodes: Locator;
  readonly brokenLinks: Locator;
  readonly namespaceSelect: Locator;

  constructor(readonly root: Locator) {
    this.nodes = root.getByTestId('graph-node');
    this.brokenLinks = root.getByTestId('graph-broken-link');
    this.namespaceSelect = root.getByTestId('graph-namespace');
  }

  node(type: GraphNodeType, name?: string): Locator {
    return this.root.locator(`[data-testid="graph-node"][data-type="${type}"]${name ? `[data-name="${name}"]` : ''}`);
  }

  /** Follows the graph: clicking a node selects its object, whose details open beside the graph. */
  async select(type: GraphNodeType, name?: string): Promise<void> {
    await this.node(type, name).first().click();
  }
}
