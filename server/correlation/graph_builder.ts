import { LIMITS } from '../../common/constants';
import { EntityGraph, GraphEdge, GraphNode, GraphNodeType } from '../../common/types';
import { clipText } from '../lib/bounds';
import { isValidEntityValue } from './entity_values';

/** Who touched what: entities as nodes, what the evidence shows between them as edges. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(type: GraphNodeType, value: string | undefined, label?: string): string | undefined {
    if (!value) return undefined;
    if (type !== 'finding' && !isValidEntityValue(type, value)) return undefined;
    const id = `${type}:${value}`;
    if (!this.nodes.has(id)) {
      if (this.nodes.size >= LIMITS.graphNodes) return undefined;
      this.nodes.set(id, { id, type, value: clipText(value, LIMITS.labelChars), ...(label ? { label: clipText(label, LIMITS.labelChars) } : {}) });
    }
    return id;
  }

  edge(from: string | undefined, to: string | undefined, relation: string, count = 1): void {
    if (!from || !to || from === to) return;
    const key = `${from}\u0000${to}\u0000${relation}`;
    const e = this.edges.get(key);
    if (e) e.count += count;
    else this.edges.set(key, { from, to, relation, count });
  }

  build(): EntityGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
