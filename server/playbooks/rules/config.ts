import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { bucketExposure, worldIngress } from '../../sources/config';
import { formatTime, list } from '../narration';
import { PivotRule } from '../types';

/**
 * The resource types whose configuration items tell what changed on an affected instance or bucket:
 * the instance, its security groups and network interfaces (whose items name the instance in their
 * `relationships`), and the bucket. VPCs, subnets and volumes also relate to the instance; their
 * items are left out.
 */
export const CONFIG_RESOURCE_TYPES = ['AWS::EC2::Instance', 'AWS::EC2::SecurityGroup', 'AWS::EC2::NetworkInterface', 'AWS::S3::Bucket'];

export const RESOURCE_CHANGES: PivotRule = {
  id: 'config.resource_changes',
  source: 'config',
  get title() {
    return i18n.translate('siemInvestigations.rule.config.resource_changes.title', { defaultMessage: 'AWS Config history of the affected resources' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.config.resource_changes.question', { defaultMessage: 'What changed on the affected resources?' });
  },
  match: [],
  matchAny: [
    { entity: 'instance', fields: ['resourceId', 'relationships.resourceId'] },
    { entity: 'bucket', fields: ['resourceId'] },
  ],
  filter: [{ terms: { resourceType: CONFIG_RESOURCE_TYPES } }],
  // A security group opened the day before the brute force is part of the story: a week back.
  lookbackDays: 7,
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'resources', field: 'resourceId', get label() { return i18n.translate('siemInvestigations.rule.config.resource_changes.facet.resources', { defaultMessage: 'Resource' }); } },
    { key: 'types', field: 'resourceType', get label() { return i18n.translate('siemInvestigations.rule.config.resource_changes.facet.types', { defaultMessage: 'Resource type' }); } },
    { key: 'statuses', field: 'configurationItemStatus', get label() { return i18n.translate('siemInvestigations.rule.config.resource_changes.facet.statuses', { defaultMessage: 'Item status' }); } },
  ],
  narrate: {
    chapter: 'weakness',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const notes: string[] = [];
      const told = new Set<string>();
      for (const h of group.hits) {
        const id = first(h.doc, 'resourceId') ?? '?';
        const open = worldIngress(h.doc);
        const bucket = bucketExposure(h.doc);
        const note = open
          ? i18n.translate('siemInvestigations.rule.config.resource_changes.story.worldIngress', {
              defaultMessage: 'security group {id}{hasName, select, yes { ({name})} other {}} allowed ingress from {ranges} at {time} (its ingress rules: ports {ports})',
              values: { id, hasName: first(h.doc, 'configuration.groupName') ? 'yes' : 'no', name: first(h.doc, 'configuration.groupName') ?? '', ranges: list(open.ranges), ports: list(open.ports, 6), time: formatTime(h.timestamp) },
            })
          : bucket?.publicPolicy
            ? i18n.translate('siemInvestigations.rule.config.resource_changes.story.publicPolicy', { defaultMessage: 'the policy of bucket {id} allowed everyone at {time}', values: { id, time: formatTime(h.timestamp) } })
            : bucket?.blockOff
              ? i18n.translate('siemInvestigations.rule.config.resource_changes.story.blockOff', { defaultMessage: 'Block Public Access of bucket {id} was off at {time}', values: { id, time: formatTime(h.timestamp) } })
              : undefined;
        // The first recorded state that opened the resource (later items of it repeat the same state).
        if (note && !told.has(id)) {
          told.add(id);
          notes.push(note);
        }
      }
      const resources = facet('resources').map((b) => `${b.value} ×${b.count}`);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.config.resource_changes.story', {
            defaultMessage: 'AWS Config recorded {total, plural, one {# configuration item} other {# configuration items}} of the affected resources ({resources}){hasNotes, select, yes {: {notes}.} other {.}}',
            values: { total: group.total, resources: list(resources, 4), hasNotes: notes.length ? 'yes' : 'no', notes: list(notes, 4) },
          }),
          evidence: [RESOURCE_CHANGES.id],
        },
      ];
    },
  },
};
