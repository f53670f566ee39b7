import { APP_ID, CAPABILITY_ID, CASE_TEMPLATE_SAVED_OBJECT_TYPE } from '../../../common/constants';
import { SavedObjectsType } from '../../types';

/**
 * A case template: one saved object per template, in the tenant's `.kibana` index like cases,
 * importable/exportable in Saved Objects management. Mapped: what management and matching read;
 * tasks and close fields live in `_source`. First version of the type: no migrations yet — a
 * template damaged by an import is shown as damaged (and cannot be applied) until saved again.
 */
export const caseTemplateSavedObjectType: SavedObjectsType = {
  name: CASE_TEMPLATE_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: {
      name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
      description: { type: 'text' },
      severity: { type: 'keyword' },
      tags: { type: 'keyword' },
      findingTypes: { type: 'keyword' },
      createdAt: { type: 'date' },
      createdBy: { type: 'keyword' },
      updatedAt: { type: 'date' },
      updatedBy: { type: 'keyword' },
    },
  },
  migrations: {},
  management: {
    importableAndExportable: true,
    defaultSearchField: 'name',
    icon: 'documents',
    getTitle: (savedObject) => String(savedObject.attributes.name ?? savedObject.id),
    getInAppUrl: () => ({ path: `/app/${APP_ID}#/case_templates`, uiCapabilitiesPath: `${CAPABILITY_ID}.show` }),
  },
};
