import { MergeCaseRequest } from '../../common/case_types';
import { fail, noQuery, string, validator } from '../lib/validation';
import { IRouter } from '../types';
import { CASE_PATH, CaseHandler, requiredBody, validateCaseParams } from './cases';

export const validateMergeBody = validator<MergeCaseRequest>((data) => {
  const b = requiredBody(data, ['source']);
  if (b.source === undefined) fail('source is required: the id or the reference (e.g. SIR-12) of the case to merge into this one');
  const source = string(b.source, 'source', { max: 250 }).trim();
  if (!source) fail('source must not be empty');
  return { source };
});

/** `POST /cases/{id}/merge {source}`: merges the case `source` into `{id}` (docs/cases.md "Merging cases"). */
export function registerCaseMergeRoute(router: IRouter, handle: CaseHandler, write: { write: boolean }): void {
  router.post(
    { path: `${CASE_PATH}/merge`, validate: { params: validateCaseParams, query: noQuery, body: validateMergeBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.merge(req.params.id, req.body) }), write)
  );
}
