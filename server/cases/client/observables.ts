import { CaseObservable, CaseObservablesResponse, UpdateObservableRequest } from '../../../common/observable_types';
import { SeenInCases } from '../../../common/incident_types';
import { HttpError } from '../../lib/errors';
import { ObservableStore } from '../observables';
import { CasesClientArgs } from './types';
import { load } from './view';

function storeOf(args: CasesClientArgs): ObservableStore {
  if (!args.observables) throw new HttpError(500, 'observables are not configured on this server');
  return args.observables;
}

/** A case's observables and the cases that share any of its non-excluded ones. */
export async function caseObservables(args: CasesClientArgs, id: string): Promise<CaseObservablesResponse> {
  // 404 for an unknown case; a merged case's id names the case it was merged into. The case and
  // its observables are read in parallel (one round trip); a merged case's are read again under
  // the case it resolved to.
  const store = storeOf(args);
  const [c, first] = await Promise.all([load(args, id, { migrate: false }), storeOf(args).list(id)]);
  const { observables, total } = c.id === id ? first : await store.list(c.id);
  return { observables, total, ...(await store.similarCases(c.id, observables, total - observables.length)) };
}

/**
 * Sets an observable's IOC / exclude flags. 404 for an unknown case. A merged case's id (or number)
 * names the case it was merged into, as GET does: the flag is set on that case's observable — the
 * kept case's own id, or the id the observable had on the merged case (the merge moved it, with its
 * flags, to the kept case) — and the answer says where it went (`redirectedFrom`).
 */
export async function setObservableFlags(args: CasesClientArgs, id: string, observableId: string, flags: UpdateObservableRequest): Promise<CaseObservable> {
  const store = storeOf(args);
  const c = await load(args, id, { migrate: false });
  const from = c.redirectedFrom;
  const saved = await store.setFlags(c.id, from ? store.movedObservableId(observableId, from.id, c.id) : observableId, flags);
  return from ? { ...saved, redirectedFrom: from } : saved;
}

export function seenInCases(args: CasesClientArgs, groups: Array<Array<{ type: string; value: string }>>): Promise<SeenInCases[]> {
  return storeOf(args).seenIn(groups);
}
