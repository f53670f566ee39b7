import { CaseFromIncidentRequest, CASE_LIMITS } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { INCIDENT_LIMITS } from '../../common/incident_types';
import { OBSERVABLE_LIMITS, UpdateObservableRequest } from '../../common/observable_types';
import { CasesClient } from '../cases';
import { docRef, fail, noQuery, object, string, validator } from '../lib/validation';
import { IOpenSearchDashboardsResponse, IRouter, OpenSearchDashboardsRequest, OpenSearchDashboardsResponseFactory, RequestHandler } from '../types';
import { CASE_PATH, CREATE_FIELDS, createCaseFields, requiredBody, validateCaseParams } from './cases';

export type Handle = <P, Q, B>(
  fn: (cases: CasesClient, request: OpenSearchDashboardsRequest<P, Q, B>, response: OpenSearchDashboardsResponseFactory) => Promise<IOpenSearchDashboardsResponse>,
  opts?: { write?: boolean }
) => RequestHandler<P, Q, B>;

const REQUEST_ID = /^[A-Za-z0-9_-]{8,100}$/;

export const validateCaseFromIncidentBody = validator<CaseFromIncidentRequest>((data) => {
  const b = requiredBody(data, [...CREATE_FIELDS, 'findings', 'requestId']);
  if (!Array.isArray(b.findings) || b.findings.length === 0) fail('findings must be a non-empty array of {"index", "id"}');
  const list = b.findings as unknown[];
  if (list.length > Math.min(INCIDENT_LIMITS.maxMembers, CASE_LIMITS.attachments)) fail(`findings has ${list.length} entries, more than ${Math.min(INCIDENT_LIMITS.maxMembers, CASE_LIMITS.attachments)} (limit)`);
  const requestId = string(b.requestId, 'requestId', { pattern: REQUEST_ID, patternHint: 'must be 8-100 letters, digits, - or _ (e.g. a UUID), the same for a retry' });
  const { findings: _f, requestId: _r, ...fields } = b;
  return { ...createCaseFields(fields), findings: list.map((f, i) => docRef(f, `findings[${i}]`)), requestId };
});

export const validateObservableParams = validator<{ id: string; observableId: string }>((data) => {
  const p = object(data, ['id', 'observableId'], 'params');
  return { id: string(p.id, 'id', { max: 250 }), observableId: string(p.observableId, 'observableId', { max: 300 }) };
});

export const validateObservableBody = validator<UpdateObservableRequest>((data) => {
  const b = requiredBody(data, ['ioc', 'excluded']);
  const out: UpdateObservableRequest = {};
  for (const k of ['ioc', 'excluded'] as const) {
    if (b[k] === undefined) continue;
    if (typeof b[k] !== 'boolean') fail(`${k} must be true or false`);
    out[k] = b[k] as boolean;
  }
  if (!Object.keys(out).length) fail('nothing to change: give ioc and/or excluded');
  return out;
});

export const validateSeenInBody = validator<{ groups: Array<Array<{ type: string; value: string }>> }>((data) => {
  const b = requiredBody(data, ['groups']);
  if (!Array.isArray(b.groups)) fail('groups must be an array of arrays of {"type", "value"}');
  const groups = b.groups as unknown[];
  if (groups.length > 100) fail('groups has more than 100 entries (limit)');
  let total = 0;
  const out = groups.map((g, i) => {
    if (!Array.isArray(g)) fail(`groups[${i}] must be an array of {"type", "value"}`);
    total += g.length;
    if (total > OBSERVABLE_LIMITS.lookupKeys) fail(`more than ${OBSERVABLE_LIMITS.lookupKeys} entities in all (limit)`);
    return (g as unknown[]).map((e, j) => {
      const o = object(e, ['type', 'value'], `groups[${i}][${j}]`);
      return { type: string(o.type, `groups[${i}][${j}].type`, { max: 40 }), value: string(o.value, `groups[${i}][${j}].value`, { max: 1000 }) };
    });
  });
  return { groups: out };
});

/** Cases made from incidents, case observables and similar cases (docs/incidents.md). */
export function registerIncidentCaseRoutes(router: IRouter, handle: Handle, write: { write: boolean }): void {
  router.post(
    { path: API_PATHS.casesFromIncident, validate: { query: noQuery, body: validateCaseFromIncidentBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.createFromIncident(req.body) }), write)
  );
  router.post(
    { path: API_PATHS.seenInCases, validate: { query: noQuery, body: validateSeenInBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.seenIn(req.body.groups) }))
  );
  router.get(
    { path: `${CASE_PATH}/observables`, validate: { params: validateCaseParams, query: noQuery } },
    handle(async (cases, req, res) => res.ok({ body: await cases.observables(req.params.id) }))
  );
  router.patch(
    { path: `${CASE_PATH}/observables/{observableId}`, validate: { params: validateObservableParams, query: noQuery, body: validateObservableBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.setObservableFlags(req.params.id, req.params.observableId, req.body) }), write)
  );
}
