import { i18n } from '@osd/i18n';
import { list } from '../playbooks/narration';
import { BlockList, isIP } from 'net';
import { EntityType, FindingSummary } from '../../common/types';
import { ENTITY_NOUNS } from '../../common/entity_nouns';
import { GROUPING_ENTITY_TYPES, Incident, IncidentEntity, IncidentLink, IncidentSignal, INCIDENT_LIMITS } from '../../common/incident_types';
import { FlatDoc } from '../../common/flatten';
import { clipText } from '../lib/bounds';
import { LIMITS } from '../../common/constants';
import { EntitySet } from '../correlation/entity_set';
import { addFindingEntities, findingAccount, severityLabel, summarizeFinding } from '../correlation/finding';
import { playbookFor } from '../playbooks';

/** One finding of the range: its newest document, read and summarised. */
export interface GroupingInput {
  summary: FindingSummary;
  doc: FlatDoc;
  /** `service.detection.sequence.signals` of an AttackSequence finding, as stored. */
  signals?: unknown;
}

/**
 * Values an organisation declares its own (NAT, VPN, CI addresses and roles): they never tie
 * findings together and become observables marked "exclude from correlation". Entries are
 * `type:value`, e.g. `ip:203.0.113.0/24` (a CIDR range), `role:ci-deployer`.
 */
export class ExclusionList {
  private readonly exact = new Set<string>();
  private readonly ranges = new BlockList();
  private hasRanges = false;

  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      const at = entry.indexOf(':');
      if (at <= 0) throw new Error(`exclusion "${entry}" must be type:value, e.g. ip:203.0.113.0/24 or role:ci-deployer`);
      const type = entry.slice(0, at);
      const value = entry.slice(at + 1).trim();
      const slash = value.indexOf('/');
      if (type === 'ip' && slash > 0 && isIP(value.slice(0, slash))) {
        const family = isIP(value.slice(0, slash)) === 6 ? 'ipv6' : 'ipv4';
        this.ranges.addSubnet(value.slice(0, slash), Number(value.slice(slash + 1)), family);
        this.hasRanges = true;
      } else {
        this.exact.add(`${type}:${value}`);
      }
    }
  }

  excludes(type: string, value: string): boolean {
    if (this.exact.has(`${type}:${value}`)) return true;
    if (type !== 'ip' || !this.hasRanges) return false;
    const v = isIP(value);
    return v !== 0 && this.ranges.check(value, v === 6 ? 'ipv6' : 'ipv4');
  }
}

/**
 * One finding as the grouping sees it: compact, built straight from the aggregation buckets
 * (list_incidents.ts) or from a document (`recordOf`).
 */
export interface GroupingRecord {
  id: string;
  first: number;
  last: number;
  severity: number;
  /** Its own account and any it names as a caller's (evidence linking accounts), sorted. */
  accounts: string[];
  /** Grouping entities only (GROUPING_ENTITY_TYPES, remote addresses, exclusions removed), each once. */
  entities: Array<{ type: EntityType; value: string }>;
  signals: IncidentSignal[];
}

/** A member of an incident being described: its record and its newest document, read and summarised. */
interface Rec extends GroupingRecord {
  input: GroupingInput;
}

const KEY_SEP = '\u0000';

/** The entities of a finding that may group it: remote addresses only, never its instance's own. */
export function groupingEntities(doc: FlatDoc, exclusions: ExclusionList, known?: EntitySet): Array<{ type: EntityType; value: string }> {
  const set = known ?? entitiesOf(doc);
  const out: Array<{ type: EntityType; value: string }> = [];
  for (const e of set.toArray()) {
    if (!GROUPING_ENTITY_TYPES.includes(e.type)) continue;
    if (e.type === 'ip' && e.role !== 'remote') continue;
    if (exclusions.excludes(e.type, e.value)) continue;
    out.push({ type: e.type, value: e.value });
  }
  return out;
}

/** The accounts a finding belongs to: its own, and one it names as the caller's (evidence linking them). */
function entitiesOf(doc: FlatDoc): EntitySet {
  const set = new EntitySet();
  addFindingEntities(doc, set, 'finding');
  return set;
}

function accountsOf(doc: FlatDoc, set: EntitySet): string[] {
  const own = findingAccount(doc);
  const all = set.values('account');
  return [...new Set([...(own ? [own] : []), ...all])].sort();
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** Below this a number is epoch seconds (year 5138 in seconds), above epoch milliseconds (1973 in milliseconds). */
const EPOCH_SECONDS_BELOW = 1e11;

/**
 * A signal's time: an ISO string, or a number as GuardDuty's API writes its `number` timestamps
 * (epoch seconds with a fraction; epoch milliseconds also read). A value no date can hold is none.
 */
export function isoOf(v: unknown): string | undefined {
  let ms = NaN;
  if (typeof v === 'number' && Number.isFinite(v)) ms = Math.abs(v) < EPOCH_SECONDS_BELOW ? v * 1000 : v;
  else if (typeof v === 'string') ms = Date.parse(v);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Signals read of one finding's document (a card lists those of its members, at most INCIDENT_LIMITS.signalsPerIncident). */
const SIGNALS_PER_FINDING = 50;

/**
 * The signals of an AttackSequence finding, with the finding id a GuardDuty finding signal refers
 * to: the first `max` (the grouping reads all its buckets hold, so that no signal naming a finding
 * is left out of the links).
 */
export function readSignals(raw: unknown, max: number = SIGNALS_PER_FINDING): IncidentSignal[] {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  const out: IncidentSignal[] = [];
  for (const s of list.slice(0, max)) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Record<string, unknown>;
    const uid = str(o.uid);
    if (!uid) continue;
    const at = uid.lastIndexOf('/finding/');
    const signalType = str(o.type);
    const findingId = at >= 0 ? uid.slice(at + '/finding/'.length) : signalType === 'FINDING' ? uid : undefined;
    out.push({
      uid: clipText(uid, LIMITS.labelChars),
      ...(signalType ? { signalType: clipText(signalType, 40) } : {}),
      ...(str(o.name) ? { name: clipText(str(o.name) as string, LIMITS.labelChars) } : {}),
      ...(str(o.description) ? { description: clipText(str(o.description) as string, LIMITS.summaryChars) } : {}),
      ...(isoOf(o.firstSeenAt) ? { firstSeen: isoOf(o.firstSeenAt) } : {}),
      ...(isoOf(o.lastSeenAt) ? { lastSeen: isoOf(o.lastSeenAt) } : {}),
      ...(Number.isFinite(Number(o.severity)) && o.severity !== undefined ? { severity: Number(o.severity) } : {}),
      ...(Number.isFinite(Number(o.count)) && o.count !== undefined ? { count: Number(o.count) } : {}),
      ...(findingId ? { findingId } : {}),
    });
  }
  return out;
}

/** A finding's activity span from its summary: first/last seen, else its timestamp. */
export function activitySpan(first: number, last: number, ts: number): { first: number; last: number } {
  let f = first;
  let l = last;
  if (Number.isNaN(f)) f = Number.isNaN(ts) ? 0 : ts;
  if (Number.isNaN(l)) l = Number.isNaN(ts) ? f : ts;
  return { first: Math.min(f, l), last: Math.max(f, l) };
}

/** A finding's record from its document, through the entity model (the page's members only). */
function toRec(input: GroupingInput, exclusions: ExclusionList): Rec {
  const s = input.summary;
  const parse = (v: string | undefined) => (v ? Date.parse(v) : NaN);
  const set = entitiesOf(input.doc);
  return {
    input,
    id: s.findingId,
    ...activitySpan(parse(s.firstSeen), parse(s.lastSeen), parse(s.timestamp)),
    severity: s.severity,
    accounts: accountsOf(input.doc, set),
    entities: groupingEntities(input.doc, exclusions, set),
    signals: input.signals === undefined ? [] : readSignals(input.signals),
  };
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  /** The smaller root wins, so the result does not depend on the order of unions. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

export interface GroupingOptions {
  /** Two findings sharing an entity are grouped when their activity is at most this far apart. */
  windowMs: number;
  exclusions?: ExclusionList;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Most severe first, then the most recently active, then by id. */
const bySeverity = (a: GroupingRecord, b: GroupingRecord) => b.severity - a.severity || b.last - a.last || byId(a, b);

/**
 * Groups findings into incidents, deterministically: findings are taken in finding-id order
 * (compact integer ids for the union-find), every shared entity (within one account, or across
 * accounts a finding itself links) joins findings whose activity lies within the sliding window of
 * each other, and an AttackSequence joins the findings its signals name. Each finding is in
 * exactly one incident. Memory: the records of the range (bounded by INCIDENT_LIMITS.maxFindings)
 * and one integer list per shared entity.
 */
export function groupFindings(records: GroupingRecord[], opts: Pick<GroupingOptions, 'windowMs'>): FindingGroup[] {
  const seen = new Set<string>();
  const recs = records.filter((r) => !seen.has(r.id) && !!seen.add(r.id)).sort(byId);
  const index = new Map<string, number>();
  recs.forEach((r, i) => index.set(r.id, i));
  const uf = new UnionFind(recs.length);
  const links: Array<{ a: number; link: IncidentLink }> = [];
  const link = (a: number, b: number, entity: { type: EntityType; value: string }) => {
    if (uf.union(a, b)) links.push({ a, link: { from: recs[a].id, to: recs[b].id, entity } });
  };

  // Entity keys, scoped by account: a finding linking two accounts carries its keys into both.
  // Entities and accounts become small integers (records from the buckets share one object per
  // value), so the only strings built are one per distinct (account, entity), to order them.
  const entityIds = new Map<object, number>();
  const entityIdOfKey = new Map<string, number>();
  const entities: Array<{ type: EntityType; value: string }> = [];
  const entityId = (e: { type: EntityType; value: string }): number => {
    let id = entityIds.get(e);
    if (id === undefined) {
      const key = e.type + KEY_SEP + e.value;
      id = entityIdOfKey.get(key);
      if (id === undefined) {
        id = entities.length;
        entities.push(e);
        entityIdOfKey.set(key, id);
      }
      entityIds.set(e, id);
    }
    return id;
  };
  const accountIds = new Map<string, number>([['', 0]]);
  const accountNames: string[] = [''];
  const accountId = (a: string): number => {
    let id = accountIds.get(a);
    if (id === undefined) {
      id = accountNames.length;
      accountNames.push(a);
      accountIds.set(a, id);
    }
    return id;
  };
  const ENTITY_SPACE = 2 ** 26; // holder key: account id * ENTITY_SPACE + entity id
  const holders = new Map<number, number[]>();
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    const scopes = r.accounts.length ? r.accounts.map(accountId) : [0];
    for (const e of r.entities) {
      const eid = entityId(e);
      for (const acct of scopes) {
        const key = acct * ENTITY_SPACE + eid;
        const list = holders.get(key);
        if (!list) holders.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
  }
  // In the order of their (account, type, value) text, as the explanations have always been built.
  const ordered: Array<{ text: string; entity: { type: EntityType; value: string }; members: number[] }> = [];
  for (const [key, members] of holders) {
    if (members.length < 2) continue;
    const entity = entities[key % ENTITY_SPACE];
    ordered.push({ text: accountNames[Math.floor(key / ENTITY_SPACE)] + KEY_SEP + entity.type + KEY_SEP + entity.value, entity, members });
  }
  ordered.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  for (const { entity, members } of ordered) {
    // Sliding window: sorted by first activity, a finding joins the chain if it starts within the
    // window after the latest activity seen so far on this entity.
    members.sort((x, y) => recs[x].first - recs[y].first || x - y);
    let prev = members[0];
    let reach = recs[prev].last;
    for (let k = 1; k < members.length; k++) {
      const i = members[k];
      const within = recs[i].first <= reach + opts.windowMs;
      if (within) link(prev, i, entity);
      reach = within ? Math.max(reach, recs[i].last) : recs[i].last;
      prev = i;
    }
  }
  // AttackSequence signals that are findings of the range: explicit evidence, no window.
  recs.forEach((r, i) => {
    for (const s of r.signals) {
      const j = s.findingId === undefined ? undefined : index.get(s.findingId);
      if (j !== undefined && j !== i) link(i, j, { type: 'signal', value: s.uid });
    }
  });

  // The root of a group is its smallest index, i.e. its smallest finding id: the incident's id.
  const groups = new Map<number, FindingGroup>();
  for (let i = 0; i < recs.length; i++) {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) {
      g.members.push(recs[i]);
      if (recs[i].severity > g.severity) g.severity = recs[i].severity;
      if (recs[i].last > g.last) g.last = recs[i].last;
    } else groups.set(root, { id: recs[root].id, members: [recs[i]], links: [], severity: recs[i].severity, last: recs[i].last });
  }
  for (const l of links) groups.get(uf.find(l.a))!.links.push(l.link);
  const out = [...groups.values()];
  for (const g of out) g.members.sort(bySeverity);
  // Most severe first (a SOC triages by severity), then the most recently active.
  return out.sort((a, b) => b.severity - a.severity || b.last - a.last || byId(a, b));
}

/** Findings grouped, before an incident is described (cheap: the page's incidents only are built). */
export interface FindingGroup {
  /** The smallest finding id of its members. */
  id: string;
  /** Most severe first. */
  members: GroupingRecord[];
  links: IncidentLink[];
  severity: number;
  last: number;
}

/** Records from documents (through the entity model): for a handful of findings, e.g. in tests. */
export function recordsOf(inputs: GroupingInput[], exclusions: ExclusionList = new ExclusionList()): GroupingRecord[] {
  return inputs.map((i) => toRec(i, exclusions));
}

/** An incident described from its records alone, when its documents could not be read. */
export function describeGroup(g: FindingGroup): Incident {
  const recs: Rec[] = g.members.map((r) => {
    const doc: FlatDoc = Object.create(null);
    doc['@id'] = r.id;
    doc.id = r.id;
    doc.type = 'unknown';
    doc.severity = String(r.severity);
    doc['service.eventFirstSeen'] = new Date(r.first).toISOString();
    doc['service.eventLastSeen'] = new Date(r.last).toISOString();
    doc['@timestamp'] = doc['service.eventLastSeen'];
    if (r.accounts[0]) doc.accountId = r.accounts[0];
    return { ...r, input: { summary: summarizeFinding('', r.id, doc), doc } };
  });
  return buildIncident(recs, g.links);
}

export function groupIncidents(inputs: GroupingInput[], opts: GroupingOptions): Incident[] {
  const exclusions = opts.exclusions ?? new ExclusionList();
  const recs = recordsOf(inputs, exclusions);
  const byFinding = new Map(recs.map((r) => [r.id, r as Rec]));
  return groupFindings(recs, opts).map((g) => buildIncident(g.members.map((m) => byFinding.get(m.id)!), g.links));
}

function noun(type: EntityType): string {
  return type === 'signal' ? 'attack-sequence signal' : ENTITY_NOUNS[type] ?? type;
}

/**
 * An incident of the page rebuilt from its members' newest documents (read for the page only),
 * keeping the links that grouped them.
 */
export function rebuildIncident(inputs: GroupingInput[], links: IncidentLink[], exclusions: ExclusionList, memberCount: number): Incident {
  const recs = inputs.map((i) => toRec(i, exclusions));
  return { ...buildIncident(recs, links), memberCount };
}

/**
 * The grouping entities of an incident's members, each with the number of members naming it, most
 * named first: `Incident.entities` (the first INCIDENT_ENTITIES) and its shared entities. The
 * members may be records from the buckets (for the seen-in lookup, before the documents are read)
 * or the members rebuilt from their documents.
 */
export function countEntities(members: Array<Pick<GroupingRecord, 'entities'>>): IncidentEntity[] {
  const counts = new Map<string, IncidentEntity>();
  for (const m of members) {
    for (const e of m.entities) {
      const key = `${e.type}${KEY_SEP}${e.value}`;
      const c = counts.get(key);
      if (c) c.findings++;
      else counts.set(key, { type: e.type, value: e.value, findings: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.findings - a.findings || GROUPING_ENTITY_TYPES.indexOf(a.type) - GROUPING_ENTITY_TYPES.indexOf(b.type) || (a.value < b.value ? -1 : 1));
}

/** Entities an incident lists (`Incident.entities`), for "seen in N cases". */
export const INCIDENT_ENTITIES = 30;

function buildIncident(members: Rec[], links: IncidentLink[]): Incident {
  const ordered = [...members].sort((a, b) => b.input.summary.severity - a.input.summary.severity || b.last - a.last || (a.id < b.id ? -1 : 1));
  const all = countEntities(members);
  const shared = all.filter((e) => e.findings > 1);
  const top = ordered[0];
  const severity = top.input.summary.severity;
  const signals = members.flatMap((m) => m.signals);
  const memberIds = new Set(members.map((m) => m.id));
  const typeById = new Map(members.map((m) => [m.id, m.input.summary.type]));
  const typeOf = (id: string) => typeById.get(id) ?? id;
  const explanation = explain(links, typeOf);
  if (members.length === 1) explanation.push(signals.length ? 'An attack sequence: GuardDuty itself bundled its signals.' : 'Shares no access key, principal, instance, remote address, bucket or cluster with another finding in the window.');
  const families = [...new Set(ordered.map((m) => playbookFor(m.input.summary.type).title))];
  const sharedText = list(shared.slice(0, 2).map((e) => `${noun(e.type)} ${e.value}`));
  const more = members.length - 1;
  const title = top.input.summary.title.replace(/[.\s]+$/, '');
  const headline =
    more === 0
      ? signals.length
        ? i18n.translate('siemInvestigations.incidents.headline.signals', { defaultMessage: '{title} ({signals} signals).', values: { title, signals: signals.length } })
        : i18n.translate('siemInvestigations.incidents.headline.alone', { defaultMessage: '{title}.', values: { title } })
      : i18n.translate('siemInvestigations.incidents.headline.related', {
          defaultMessage: '{title}, with {more, plural, one {# related finding} other {# related findings}}{hasShared, select, yes { sharing {shared}} other {}}.',
          values: { title, more, hasShared: sharedText ? 'yes' : 'no', shared: sharedText },
        });
  return {
    id: [...memberIds].sort()[0],
    memberCount: members.length,
    members: ordered.map((m) => m.input.summary),
    sharedEntities: shared.slice(0, INCIDENT_LIMITS.sharedEntitiesPerCard),
    entities: all.slice(0, INCIDENT_ENTITIES),
    severity,
    severityLabel: severityLabel(severity),
    firstActivity: new Date(Math.min(...members.map((m) => m.first))).toISOString(),
    lastActivity: new Date(Math.max(...members.map((m) => m.last))).toISOString(),
    families,
    accounts: [...new Set(members.flatMap((m) => m.accounts))].sort(),
    headline: clipText(headline, LIMITS.storyChars),
    explanation,
    links: listedLinks(links),
    linkCount: links.length,
    signals: listedSignals(signals, memberIds),
    signalCount: signals.length,
  };
}

/**
 * The links an incident lists, bounded: the first link of each entity (the ones the explanation
 * names), then the others in grouping order, up to INCIDENT_LIMITS.linksPerIncident.
 */
function listedLinks(links: IncidentLink[]): IncidentLink[] {
  const max = INCIDENT_LIMITS.linksPerIncident;
  if (links.length <= max) return links;
  const firsts = new Set<IncidentLink>();
  const entities = new Set<string>();
  for (const l of links) {
    if (firsts.size >= max) break;
    const key = `${l.entity.type}${KEY_SEP}${l.entity.value}`;
    if (entities.has(key)) continue;
    entities.add(key);
    firsts.add(l);
  }
  const rest = links.filter((l) => !firsts.has(l)).slice(0, max - firsts.size);
  return [...firsts, ...rest];
}

/**
 * The signals an incident lists, bounded: those naming one of its members first (they explain the
 * grouping), then the others in member order, up to INCIDENT_LIMITS.signalsPerIncident. A finding
 * id that is no member is not kept (it links nowhere on the card).
 */
function listedSignals(signals: IncidentSignal[], memberIds: Set<string>): IncidentSignal[] {
  const naming = signals.filter((s) => s.findingId && memberIds.has(s.findingId));
  const others = signals.filter((s) => !(s.findingId && memberIds.has(s.findingId)));
  return [...naming, ...others]
    .slice(0, INCIDENT_LIMITS.signalsPerIncident)
    .map((s) => (s.findingId && !memberIds.has(s.findingId) ? { ...s, findingId: undefined } : s))
    .map(stripUndefined);
}

/** One sentence per entity that linked findings: "grouped because A and B both name …" or "N findings (types) name …". */
function explain(links: IncidentLink[], typeOf: (id: string) => string): string[] {
  const byEntity = new Map<string, { entity: IncidentLink['entity']; findings: Set<string>; from: string }>();
  for (const l of links) {
    const key = `${l.entity.type}${KEY_SEP}${l.entity.value}`;
    const e = byEntity.get(key) ?? { entity: l.entity, findings: new Set<string>(), from: l.from };
    e.findings.add(l.from).add(l.to);
    byEntity.set(key, e);
  }
  const out: string[] = [];
  for (const { entity, findings, from } of byEntity.values()) {
    if (out.length >= INCIDENT_LIMITS.explanationSentences) {
      out.push(i18n.translate('siemInvestigations.incidents.explain.more', { defaultMessage: '…and {n} more shared entities.', values: { n: byEntity.size - out.length } }));
      break;
    }
    const ids = [...findings];
    if (entity.type === 'signal') {
      const other = ids.find((id) => id !== from) ?? from;
      out.push(
        i18n.translate('siemInvestigations.incidents.explain.signal', {
          defaultMessage: 'Grouped because the attack sequence {sequence} names {type} ({id}) as one of its signals.',
          values: { sequence: typeOf(from), type: typeOf(other), id: other },
        })
      );
    } else if (ids.length === 2) {
      out.push(
        i18n.translate('siemInvestigations.incidents.explain.pair', {
          defaultMessage: 'Grouped because {a} and {b} both name {noun} {value}.',
          values: { a: typeOf(ids[0]), b: typeOf(ids[1]), noun: noun(entity.type), value: entity.value },
        })
      );
    } else {
      const types = [...new Set(ids.map(typeOf))];
      const typeText = types.slice(0, 3).join(', ') + (types.length > 3 ? ', …' : '');
      out.push(
        i18n.translate('siemInvestigations.incidents.explain.many', {
          defaultMessage: 'Grouped because {n} findings ({types}) name {noun} {value}.',
          values: { n: ids.length, types: typeText, noun: noun(entity.type), value: entity.value },
        })
      );
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
