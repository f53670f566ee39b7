export { caseSavedObjectType, caseItemSavedObjectType, caseSequenceSavedObjectType, CASE_SAVED_OBJECT_TYPES } from './saved_object_type';
export { createCasesClientFactory } from './client/factory';
export type { CasesClient } from './client/client';
