import type { FlatDoc } from '../../common/flatten';
import type { SourceId, TimelineEvent } from '../../common/types';
import type { GraphBuilder } from '../correlation/graph_builder';

/** A hit as one line of the timeline. */
export interface TimelineDescription {
  timestamp: string;
  action: string;
  summary: string;
  outcome?: string;
  /** Events with the same key close together are merged into one entry. */
  mergeKey: string;
  /** A failed attempt, and the user name it tried (sshd brute force). */
  failed?: boolean;
  failedUser?: string;
  /** The value of the rule's `spans.by` this event belongs to: its run is told from the whole span. */
  spanKey?: string;
}

/** A merged run of repeated events, before it becomes a timeline entry. */
export interface TimelineRun extends TimelineEvent {
  mergeKey: string;
  failures: number;
  users: Map<string, number>;
  spanKey?: string;
}

/**
 * The server half of a source adapter (the browser-safe half is `common/sources`): what an
 * investigation reads from the source's hits, how a hit reads on the timeline and what it shows on
 * the entity graph.
 */
export interface ServerSourceAdapter {
  id: SourceId;
  /** Fields read from hits beyond the deployment's columns (never `@message`: the flyout reads whole documents). */
  reads: string[];
  describe(doc: FlatDoc, timestamp: string): TimelineDescription;
  /** A run of merged repeats as the timeline shows it (default: the first event with a count). */
  summarizeRun?(run: TimelineRun): TimelineEvent;
  /** Edges a hit shows; `rank` is the hit's place in its evidence group. */
  link(graph: GraphBuilder, doc: FlatDoc, rank: number): void;
}
