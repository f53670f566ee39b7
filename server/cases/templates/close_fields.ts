import { CaseActivityChange } from '../../../common/case_types';
import { closeFieldValueProblem, CloseFieldValues, missingCloseFields } from '../../../common/case_template_types';
import { badRequest, HttpError } from '../../lib/errors';
import { CaseAttributes } from '../types';

/**
 * Values given for the case's required close fields: each must be a field of this case and fit
 * it (400 otherwise, nothing written); they are merged into the values given before.
 */
export function applyCloseFieldValues(current: CaseAttributes, values: CloseFieldValues | undefined, next: Partial<CaseAttributes>, log: CaseActivityChange[]): void {
  if (values === undefined) return;
  const merged = { ...current.closeFieldValues };
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = current.closeFields.find((f) => f.key === key);
    if (!field) {
      const known = current.closeFields.map((f) => f.key);
      throw badRequest(`closeFieldValues.${key}: this case has no such close field (${known.length ? `its fields: ${known.join(', ')}` : 'it has none'})`);
    }
    const problem = closeFieldValueProblem(field, value);
    if (problem) throw badRequest(`closeFieldValues.${problem}`);
    const v = typeof value === 'string' ? value.trim() : value;
    if (merged[key] !== v) {
      merged[key] = v;
      changed.push(key);
    }
  }
  if (changed.length) {
    next.closeFieldValues = merged;
    log.push({ action: 'close_fields_changed', fields: changed });
  }
}

/** Closing needs every required close field: 400 naming the missing ones (also as `attributes.missingFields`). */
export function assertCloseFieldsComplete(current: CaseAttributes, next: Partial<CaseAttributes>): void {
  const missing = missingCloseFields(current.closeFields, next.closeFieldValues ?? current.closeFieldValues);
  if (missing.length === 0) return;
  throw new HttpError(
    400,
    `The case cannot be closed before its required close fields are filled in; missing: ${missing.map((f) => `${f.key} (${f.label})`).join(', ')}`,
    { missingFields: missing.map((f) => f.key) }
  );
}
