import { CASE_LIMITS } from '../../common/case_types';
import {
  validateAttachmentBody,
  validateCasesFindQuery,
  validateCommentBody,
  validateCreateCaseBody,
  validateExportQuery,
  validateUpdateCaseBody,
} from './cases';

/** A version as OSD's saved objects client writes it: base64 of `[seq_no, primary_term]`. */
const V1 = Buffer.from(JSON.stringify([1, 1])).toString('base64');

const result = {
  ok: <T>(value: T) => ({ value }),
  badRequest: (error: Error | string) => ({ error: error instanceof Error ? error : new Error(error) }),
};

type Validator = (data: unknown, r: typeof result) => { value: unknown } | { error: unknown };

function run(fn: Validator, data: unknown): { value?: any; error?: string } {
  const r = fn(data, result) as { value?: unknown; error?: Error };
  return r.error ? { error: r.error.message } : { value: r.value };
}

describe('create case body', () => {
  it('trims the title and de-duplicates tags and assignees', () => {
    expect(run(validateCreateCaseBody, { title: '  SSH brute force  ', tags: ['ssh', ' ssh', 'ec2'], assignees: ['alice'], severity: 'high' })).toEqual({
      value: { title: 'SSH brute force', tags: ['ssh', 'ec2'], assignees: ['alice'], severity: 'high' },
    });
  });

  it.each([
    [undefined, /a JSON body is required/],
    [{}, /title must be a string/],
    [{ title: '   ' }, /title must not be empty/],
    [{ title: 'x'.repeat(CASE_LIMITS.titleLength + 1) }, new RegExp(`title is longer than ${CASE_LIMITS.titleLength} characters`)],
    [{ title: 't', description: 'd'.repeat(CASE_LIMITS.descriptionLength + 1) }, new RegExp(`longer than ${CASE_LIMITS.descriptionLength}`)],
    [{ title: 't', tags: Array.from({ length: CASE_LIMITS.tags + 1 }, (_, i) => `t${i}`) }, new RegExp(`more than ${CASE_LIMITS.tags} \\(limit\\)`)],
    [{ title: 't', tags: ['x'.repeat(CASE_LIMITS.tagLength + 1)] }, new RegExp(`tags\\[0\\] is longer than ${CASE_LIMITS.tagLength}`)],
    [{ title: 't', tags: 'ssh' }, /tags must be an array/],
    [{ title: 't', assignees: [''] }, /assignees\[0\] must not be empty/],
    [{ title: 't', severity: 'urgent' }, /severity must be one of: low, medium, high, critical/],
    [{ title: 't', status: 'closed' }, /unknown field\(s\): status/],
    [{ title: 't', createdBy: 'mallory' }, /unknown field\(s\): createdBy/],
  ])('rejects %j', (body, message) => {
    expect(run(validateCreateCaseBody, body).error).toMatch(message);
  });
});

describe('update case body', () => {
  it('needs the version it was made on, and something to change', () => {
    expect(run(validateUpdateCaseBody, { status: 'open' }).error).toMatch(/version is required/);
    expect(run(validateUpdateCaseBody, { version: V1 }).error).toMatch(/nothing to change/);
    expect(run(validateUpdateCaseBody, { version: V1, status: 'closed', closeReason: 'true_positive' })).toEqual({
      value: { version: V1, status: 'closed', closeReason: 'true_positive' },
    });
  });

  it.each([
    [{ version: V1, status: 'done' }, /status must be one of: open, in-progress, closed/],
    [{ version: V1, closeReason: 'fixed' }, /closeReason must be one of/],
    [{ version: 'v1', title: 't' }, /version is not a case version/],
    [{ version: Buffer.from('[1]').toString('base64'), title: 't' }, /version is not a case version/],
    [{ version: V1, activity: [] }, /unknown field\(s\): activity/],
    [{ version: V1, updatedBy: 'mallory', title: 'x' }, /unknown field\(s\): updatedBy/],
  ])('rejects %j', (body, message) => {
    expect(run(validateUpdateCaseBody, body).error).toMatch(message);
  });
});

describe('attachment and comment bodies', () => {
  it('takes a finding or an event by reference', () => {
    expect(run(validateAttachmentBody, { type: 'event', ref: { index: 'log-aws-cloudtrail-2021-04', id: 'abc' } }).value).toEqual({
      type: 'event',
      ref: { index: 'log-aws-cloudtrail-2021-04', id: 'abc' },
    });
    expect(run(validateAttachmentBody, { type: 'event', ref: { index: 'log-*', id: 'abc' } }).error).toMatch(/concrete/);
    expect(run(validateAttachmentBody, { type: 'alert', ref: { index: 'a', id: 'b' } }).error).toMatch(/type must be one of: finding, event/);
    expect(run(validateAttachmentBody, { type: 'event', ref: { index: 'a', id: 'b' }, snapshot: {} }).error).toMatch(/unknown field\(s\): snapshot/);
  });

  it('bounds comments', () => {
    expect(run(validateCommentBody, { text: ' \n ' }).error).toMatch(/text must not be empty/);
    expect(run(validateCommentBody, { text: 'x'.repeat(CASE_LIMITS.commentLength + 1) }).error).toMatch(`longer than ${CASE_LIMITS.commentLength}`);
    expect(run(validateCommentBody, { text: 'ok', createdBy: 'mallory' }).error).toMatch(/unknown field\(s\): createdBy/);
  });
});

describe('cases list query', () => {
  it('has defaults and reads repeated or comma-separated filters', () => {
    expect(run(validateCasesFindQuery, { status: ['open', 'in-progress'], tag: 'iam,s3', search: ' brute ' }).value).toEqual({
      search: 'brute',
      status: ['open', 'in-progress'],
      severity: [],
      tag: ['iam', 's3'],
      assignee: [],
      page: 1,
      perPage: 20,
      sortField: 'updatedAt',
      sortOrder: 'desc',
    });
  });

  it.each([
    [{ status: 'pending' }, /status must be one of/],
    [{ perPage: '1000' }, new RegExp(`perPage must be between 1 and ${CASE_LIMITS.maxPerPage}`)],
    [{ page: '200', perPage: '100' }, /may not exceed/],
    [{ sortField: 'attachments' }, /sortField must be one of/],
    [{ filter: 'cases.status:open' }, /unknown field\(s\): filter/],
  ])('rejects %j', (q, message) => {
    expect(run(validateCasesFindQuery, q).error).toMatch(message);
  });

  it('exports Markdown unless JSON is asked for', () => {
    expect(run(validateExportQuery, {}).value).toEqual({ format: 'markdown' });
    expect(run(validateExportQuery, { format: 'pdf' }).error).toMatch(/format must be one of: markdown, json/);
  });
});
