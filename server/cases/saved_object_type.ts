import { APP_ID, CAPABILITY_ID, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { SavedObjectsType } from '../types';

/**
 * A case is one saved object: stored in the tenant's `.kibana` index by OSD, listed in Saved Objects
 * management (import/export, title, in-app link). Only the fields the list filters or sorts on are
 * mapped (`dynamic: false`); attachments, comments and activity live in `_source` only.
 */
export const caseSavedObjectType: SavedObjectsType = {
  name: CASE_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: {
      title: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
      description: { type: 'text' },
      status: { type: 'keyword' },
      closeReason: { type: 'keyword' },
      severity: { type: 'keyword' },
      tags: { type: 'keyword' },
      assignees: { type: 'keyword' },
      attachmentCount: { type: 'integer' },
      commentCount: { type: 'integer' },
      createdAt: { type: 'date' },
      createdBy: { type: 'keyword' },
      updatedAt: { type: 'date' },
      updatedBy: { type: 'keyword' },
      closedAt: { type: 'date' },
      templateId: { type: 'keyword' },
      acknowledgedAt: { type: 'date' },
      timeToAcknowledgeMs: { type: 'long' },
      timeToCloseMs: { type: 'long' },
    },
  },
  migrations: {},
  management: {
    importableAndExportable: true,
    defaultSearchField: 'title',
    icon: 'securityApp',
    getTitle: (savedObject) => String(savedObject.attributes.title ?? savedObject.id),
    getInAppUrl: (savedObject) => ({
      path: `/app/${APP_ID}#/cases/${encodeURIComponent(savedObject.id)}`,
      uiCapabilitiesPath: `${CAPABILITY_ID}.show`,
    }),
  },
};
