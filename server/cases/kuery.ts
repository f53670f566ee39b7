import { KueryLiteral, KueryNode } from '../types';

/**
 * KueryNodes for saved objects `find`'s `filter`, built from structured values: a value is a
 * literal node, so nothing the user typed is ever parsed as KQL (no query string is built). Keys
 * are `<type>.attributes.<field>`, as OSD's validateConvertFilterToKueryNode requires.
 */
const literal = (value: KueryLiteral['value']): KueryLiteral => ({ type: 'literal', value });

export function is(type: string, field: string, value: string | number | boolean): KueryNode {
  return { type: 'function', function: 'is', arguments: [literal(`${type}.attributes.${field}`), literal(value), literal(false)] };
}

/** The field has any of the values. */
export function anyOf(type: string, field: string, values: readonly (string | number)[]): KueryNode {
  return values.length === 1 ? is(type, field, values[0]) : { type: 'function', function: 'or', arguments: values.map((v) => is(type, field, v)) };
}

/** All of the nodes; `undefined` when there are none (no filter). */
export function allOf(nodes: KueryNode[]): KueryNode | undefined {
  if (nodes.length === 0) return undefined;
  return nodes.length === 1 ? nodes[0] : { type: 'function', function: 'and', arguments: nodes };
}

/** Not the node. */
export function not(node: KueryNode): KueryNode {
  return { type: 'function', function: 'not', arguments: [node] };
}
