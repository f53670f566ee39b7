export { caseSavedObjectType } from './saved_object_type';
export { createCasesClientFactory } from './client/factory';
export type { CasesClient } from './client/client';
