import { CASE_LIMITS, CASE_SEVERITIES } from '../../../common/case_types';
import {
  CASE_TEMPLATE_LIMITS,
  CaseTemplateBody,
  CaseTemplateTask,
  CLOSE_FIELD_KEY,
  CLOSE_FIELD_TYPES,
  CloseFieldDefinition,
  CloseFieldValues,
  FINDING_TYPE_PATTERN,
} from '../../../common/case_template_types';
import { fail, object, oneOf, string } from '../../lib/validation';

/**
 * The one definition of a valid template body and of close-field values (the routes validate
 * requests with it; reading a stored template checks it again, as imports skip the routes).
 * Throws `ValidationError` (→ 400) naming the field and the limit.
 */
function list(v: unknown, name: string, max: number): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(`${name} must be an array`);
  if ((v as unknown[]).length > max) fail(`${name} has ${(v as unknown[]).length} entries, more than ${max} (limit)`);
  return v as unknown[];
}

function names(v: unknown, name: string, max: number, maxLength: number): string[] {
  const out: string[] = [];
  list(v, name, max).forEach((item, i) => {
    const s = string(item, `${name}[${i}]`, { max: maxLength }).trim();
    if (!s) fail(`${name}[${i}] must not be empty`);
    if (!out.includes(s)) out.push(s);
  });
  return out;
}

function task(v: unknown, name: string): CaseTemplateTask {
  const t = object(v, ['title', 'assignee'], name);
  const title = string(t.title, `${name}.title`, { max: CASE_TEMPLATE_LIMITS.taskTitleLength }).trim();
  if (!title) fail(`${name}.title must not be empty`);
  const assignee = t.assignee === undefined || t.assignee === '' ? undefined : string(t.assignee, `${name}.assignee`, { max: CASE_LIMITS.assigneeLength }).trim();
  return { title, ...(assignee ? { assignee } : {}) };
}

function bound(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`${name} must be an integer from ${min} to ${max}`);
  return v as number;
}

export function parseCloseField(v: unknown, name: string): CloseFieldDefinition {
  const f = object(v, ['key', 'label', 'type', 'options', 'minLength', 'maxLength'], name);
  const key = string(f.key, `${name}.key`, { max: CASE_TEMPLATE_LIMITS.fieldKeyLength, pattern: CLOSE_FIELD_KEY, patternHint: 'must start with a letter and hold only letters, digits and _' });
  const label = string(f.label, `${name}.label`, { max: CASE_TEMPLATE_LIMITS.fieldLabelLength }).trim();
  if (!label) fail(`${name}.label must not be empty`);
  const type = oneOf(f.type, `${name}.type`, CLOSE_FIELD_TYPES);
  const extra = (allowed: string[]) => {
    const given = ['options', 'minLength', 'maxLength'].filter((k) => f[k] !== undefined && !allowed.includes(k));
    if (given.length) fail(`${name}: a ${type} field takes no ${given.join(', ')}`);
  };
  if (type === 'boolean') {
    extra([]);
    return { key, label, type };
  }
  if (type === 'select') {
    extra(['options']);
    const options = names(f.options, `${name}.options`, CASE_TEMPLATE_LIMITS.selectOptions, CASE_TEMPLATE_LIMITS.optionLength);
    if (options.length < 2) fail(`${name}.options needs at least 2 options`);
    return { key, label, type, options };
  }
  extra(['minLength', 'maxLength']);
  const maxLength = f.maxLength === undefined ? 500 : bound(f.maxLength, `${name}.maxLength`, 1, CASE_TEMPLATE_LIMITS.textLength);
  const minLength = f.minLength === undefined ? 1 : bound(f.minLength, `${name}.minLength`, 1, maxLength);
  return { key, label, type, minLength, maxLength };
}

const BODY_FIELDS = ['name', 'description', 'title', 'severity', 'tags', 'tasks', 'closeFields', 'findingTypes'] as const;

export function parseTemplateBody(data: unknown, extraFields: readonly string[] = []): CaseTemplateBody {
  if (data === null || data === undefined) fail(`a JSON body is required (fields: ${BODY_FIELDS.join(', ')})`);
  const b = object(data, [...BODY_FIELDS, ...extraFields], 'body');
  const name = string(b.name, 'name', { max: CASE_TEMPLATE_LIMITS.nameLength }).trim();
  if (!name) fail('name must not be empty');
  const closeFields = list(b.closeFields, 'closeFields', CASE_TEMPLATE_LIMITS.closeFields).map((f, i) => parseCloseField(f, `closeFields[${i}]`));
  const keys = closeFields.map((f) => f.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) fail(`closeFields: the key "${dup}" is used twice`);
  const findingTypes = names(b.findingTypes, 'findingTypes', CASE_TEMPLATE_LIMITS.findingTypes, CASE_TEMPLATE_LIMITS.findingTypeLength);
  findingTypes.forEach((p, i) => {
    if (!FINDING_TYPE_PATTERN.test(p)) fail(`findingTypes[${i}] may hold only letters, digits, : / . _ ! - and * (any characters)`);
    if (p.replace(/\*/g, '') === '') fail(`findingTypes[${i}] must name part of a finding type, not only *`);
  });
  return {
    name,
    description: b.description === undefined ? '' : string(b.description, 'description', { min: 0, max: CASE_TEMPLATE_LIMITS.descriptionLength }),
    title: b.title === undefined ? '' : string(b.title, 'title', { min: 0, max: CASE_LIMITS.titleLength }).trim(),
    ...(b.severity !== undefined ? { severity: oneOf(b.severity, 'severity', CASE_SEVERITIES) } : {}),
    tags: names(b.tags, 'tags', CASE_LIMITS.tags, CASE_LIMITS.tagLength),
    tasks: list(b.tasks, 'tasks', CASE_TEMPLATE_LIMITS.tasks).map((t, i) => task(t, `tasks[${i}]`)),
    closeFields,
    findingTypes,
  };
}

/** The shape of close-field values (which fields a case has is checked against the case). */
export function parseCloseFieldValues(v: unknown, name = 'closeFieldValues'): CloseFieldValues {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${name} must be an object of field key → value`);
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > CASE_TEMPLATE_LIMITS.closeFields) fail(`${name} has more than ${CASE_TEMPLATE_LIMITS.closeFields} fields (limit)`);
  const out: CloseFieldValues = {};
  for (const [key, value] of entries) {
    if (!CLOSE_FIELD_KEY.test(key) || key.length > CASE_TEMPLATE_LIMITS.fieldKeyLength) fail(`${name} has an invalid field key`);
    if (typeof value === 'boolean') out[key] = value;
    else out[key] = string(value, `${name}.${key}`, { min: 0, max: CASE_TEMPLATE_LIMITS.textLength });
  }
  return out;
}

/** A task title or assignee as a request gives it. */
export { task as parseTask };
