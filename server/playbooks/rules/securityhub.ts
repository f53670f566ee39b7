import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { list } from '../narration';
import { NarrationContext, PivotRule } from '../types';
import { FacetBucket } from '../../../common/types';

export const INSPECTOR: PivotRule = {
  id: 'securityhub.inspector',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.inspector.title', { defaultMessage: 'Inspector findings of the instance' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.inspector.question', { defaultMessage: 'Is SSH on the instance vulnerable?' });
  },
  match: [{ entity: 'instance', fields: ['cloud.instance.id', 'ProductFields.attributes/INSTANCE_ID'] }],
  // Inspector v2's package vulnerabilities have their own question (PACKAGE_VULNERABILITIES).
  filter: [{ term: { 'event.module': 'inspector' } }, { bool: { must_not: [{ term: { 'event.category': 'package' } }] } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [{ key: 'severities', field: 'Severity.Label', get label() { return i18n.translate('siemInvestigations.rule.securityhub.inspector.facet.severities', { defaultMessage: 'Severity' }); } }],
  narrate: {
    chapter: 'weakness',
    tell({ group, entities }) {
      if (group.total === 0) return [];
      const instances = entities.values('instance');
      const sshTitles = group.hits
        .filter((h) => /ssh/i.test(`${first(h.doc, 'Title')} ${first(h.doc, 'ProductFields.aws/inspector/id')}`))
        .map((h) => first(h.doc, 'ProductFields.aws/inspector/id', 'Title') ?? '');
      return [
        {
          text: sshTitles.length
            ? i18n.translate('siemInvestigations.rule.securityhub.inspector.story.ssh', {
                defaultMessage: 'Inspector reports SSH weaknesses on {instances}: {titles}.',
                values: { instances: list(instances), titles: list([...new Set(sshTitles)].map((t) => `"${t}"`), 4) },
              })
            : i18n.translate('siemInvestigations.rule.securityhub.inspector.story.other', {
                defaultMessage: 'Inspector reports {total, plural, one {# finding} other {# findings}} on {instances}, none of them about SSH.',
                values: { total: group.total, instances: list(instances) },
              }),
          evidence: [INSPECTOR.id],
        },
      ];
    },
  },
};

export const MACIE: PivotRule = {
  id: 'securityhub.macie',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.macie.title', { defaultMessage: 'Macie findings of the buckets' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.macie.question', { defaultMessage: 'Is the data in the affected buckets exposed?' });
  },
  match: [{ entity: 'bucket', fields: ['Resources.Details.AwsS3Bucket.Name', { field: 'Resources.Id', prefix: 'arn:aws:s3:::' }] }],
  filter: [{ term: { 'event.module': 'macie' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [{ key: 'findings', field: 'ThreatFamilyName', get label() { return i18n.translate('siemInvestigations.rule.securityhub.macie.facet.findings', { defaultMessage: 'Finding' }); } }],
  narrate: {
    chapter: 'exposure',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const titles = [...new Set(group.hits.map((h) => first(h.doc, 'Title', 'rule.name') ?? ''))].filter(Boolean);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.securityhub.macie.story', {
            defaultMessage: 'Macie reports: {titles}.',
            values: { titles: list(titles.map((t) => `"${t.replace(/\.$/, '')}"`), 2) },
          }),
          evidence: [MACIE.id],
        },
      ];
    },
  },
};

/**
 * Security Hub CSPM control findings (event.module `security hub`, one per control and resource)
 * that fail on the affected instances, buckets and IAM principals.
 */
export const CONTROLS: PivotRule = {
  id: 'securityhub.controls',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.controls.title', { defaultMessage: 'Failed security controls of the affected resources' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.controls.question', { defaultMessage: 'Which Security Hub controls fail on the affected resources?' });
  },
  match: [],
  matchAny: [
    { entity: 'instance', fields: ['cloud.instance.id'] },
    { entity: 'bucket', fields: [{ field: 'Resources.Id', prefix: 'arn:aws:s3:::' }] },
    { entity: 'role', fields: ['Resources.Details.AwsIamRole.RoleName', 'user.name'] },
    { entity: 'user', fields: ['Resources.Details.AwsIamUser.UserName'] },
    { entity: 'access_key', fields: ['user.id'] },
  ],
  filter: [{ term: { 'event.module': 'security hub' } }, { term: { 'Compliance.Status': 'FAILED' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [
    { key: 'controls', field: 'Compliance.SecurityControlId', get label() { return i18n.translate('siemInvestigations.rule.securityhub.controls.facet.controls', { defaultMessage: 'Control' }); } },
    { key: 'severities', field: 'Severity.Label', get label() { return i18n.translate('siemInvestigations.rule.securityhub.controls.facet.severities', { defaultMessage: 'Severity' }); } },
  ],
  narrate: {
    chapter: 'weakness',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const byControl = new Map<string, { title: string; severity: string; resources: Set<string> }>();
      for (const h of group.hits) {
        const control = first(h.doc, 'Compliance.SecurityControlId', 'rule.id') ?? '?';
        const entry = byControl.get(control) ?? { title: first(h.doc, 'Title') ?? '', severity: first(h.doc, 'Severity.Label') ?? '', resources: new Set<string>() };
        entry.resources.add((first(h.doc, 'Resources.Id') ?? '').split(/[/:]/).pop() ?? '');
        byControl.set(control, entry);
      }
      const controls = [...byControl.entries()].map(([id, e]) =>
        i18n.translate('siemInvestigations.rule.securityhub.controls.story.control', {
          defaultMessage: '{control} "{title}" ({severity}, {resources})',
          values: { control: id, title: e.title.replace(/\.$/, ''), severity: e.severity, resources: list([...e.resources].filter(Boolean), 2) },
        })
      );
      return [
        {
          text: i18n.translate('siemInvestigations.rule.securityhub.controls.story', {
            defaultMessage: 'Security Hub reports {count, plural, one {# failed control} other {# failed controls}} on the affected resources: {controls}.',
            values: { count: byControl.size, controls: list(controls, 4) },
          }),
          evidence: [CONTROLS.id],
        },
      ];
    },
  },
};

/**
 * What an Inspector vulnerability story says, for packages on an instance and in an image alike:
 * the counts per severity and the three worst vulnerabilities by CVSS score.
 */
function vulnerabilitySummary(hits: NarrationContext['group']['hits'], severityBuckets: FacetBucket[]): { severities: string[]; worst: string[] } {
  const severities = severityBuckets.map((b) =>
    i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.story.severity', {
      defaultMessage: '{count, number} {severity}',
      values: { count: b.count, severity: b.value },
    })
  );
  const worst = hits
    .map((h) => ({ cve: first(h.doc, 'Vulnerabilities.Id') ?? '', pkg: first(h.doc, 'Vulnerabilities.VulnerablePackages.Name') ?? '', score: Number(first(h.doc, 'Vulnerabilities.Cvss.BaseScore') ?? 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((v) =>
      i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.story.vulnerability', {
        defaultMessage: '{cve} in {pkg}{hasScore, select, yes { (CVSS {score})} other {}}',
        values: { cve: v.cve, pkg: v.pkg, hasScore: v.score ? 'yes' : 'no', score: String(v.score) },
      })
    );
  return { severities, worst };
}

/** Inspector v2 package vulnerabilities (event.category `package`) of the affected instances. */
export const PACKAGE_VULNERABILITIES: PivotRule = {
  id: 'securityhub.package_vulnerabilities',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.title', { defaultMessage: 'Package vulnerabilities of the instance (Inspector v2)' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.question', { defaultMessage: 'Which vulnerable packages does Inspector report on the instance?' });
  },
  match: [{ entity: 'instance', fields: ['cloud.instance.id'] }],
  filter: [{ term: { 'event.module': 'inspector' } }, { term: { 'event.category': 'package' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [
    { key: 'severities', field: 'Severity.Label', get label() { return i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.facet.severities', { defaultMessage: 'Severity' }); } },
    { key: 'packages', field: 'Vulnerabilities.VulnerablePackages.Name', get label() { return i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.facet.packages', { defaultMessage: 'Package' }); } },
    { key: 'cves', field: 'Vulnerabilities.Id', get label() { return i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.facet.cves', { defaultMessage: 'CVE' }); } },
  ],
  narrate: {
    chapter: 'weakness',
    tell({ group, facet, entities }) {
      if (group.hits.length === 0) return [];
      const { severities, worst } = vulnerabilitySummary(group.hits, facet('severities'));
      return [
        {
          text: i18n.translate('siemInvestigations.rule.securityhub.package_vulnerabilities.story', {
            defaultMessage:
              'Inspector reports {total, plural, one {# vulnerable package finding} other {# vulnerable package findings}} on {instances}{hasSeverities, select, yes { ({severities})} other {}}: {worst}.',
            values: { total: group.total, instances: list(entities.values('instance')), hasSeverities: severities.length ? 'yes' : 'no', severities: list(severities, 4), worst: list(worst) },
          }),
          evidence: [PACKAGE_VULNERABILITIES.id],
        },
      ];
    },
  },
};

const ECR_IMAGE = 'Resources.Details.AwsEcrContainerImage';

/**
 * An image URI as Inspector v2 names the image in Security Hub: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`
 * (or `@sha256:<digest>`) → the registry's account, the repository and the tag or digest, each a
 * literal `term`. An image of another registry (Docker Hub) is matched by repository and tag.
 */
export function ecrImageQuery(image: string): Record<string, unknown> | undefined {
  const [name, digest, ...extra] = image.split('@');
  if (extra.length || (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest))) return undefined;
  const slash = name.indexOf('/');
  const head = slash > 0 ? name.slice(0, slash) : '';
  // The first part is a registry when it looks like a host (`a.b`, `host:port`, `localhost`).
  const registry = head && (head.includes('.') || head.includes(':') || head === 'localhost') ? head : undefined;
  const path = registry ? name.slice(slash + 1) : name;
  const colon = path.lastIndexOf(':');
  const tag = colon > path.lastIndexOf('/') && colon >= 0 ? path.slice(colon + 1) : undefined;
  const repository = tag !== undefined ? path.slice(0, colon) : path;
  if (!repository || (!tag && !digest)) return undefined;
  const account = registry ? /^(\d{12})\.dkr\.ecr\./.exec(registry)?.[1] : undefined;
  const filter: Array<Record<string, unknown>> = [{ term: { [`${ECR_IMAGE}.RepositoryName`]: repository } }];
  filter.push(digest ? { term: { [`${ECR_IMAGE}.ImageDigest`]: digest } } : { term: { [`${ECR_IMAGE}.ImageTags`]: tag } });
  if (account) filter.push({ term: { [`${ECR_IMAGE}.RegistryId`]: account } });
  return { bool: { filter } };
}

/** Inspector v2 vulnerabilities (event.category `package`) of the container images the finding names (ECR). */
export const IMAGE_VULNERABILITIES: PivotRule = {
  id: 'securityhub.image_vulnerabilities',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.title', { defaultMessage: 'Vulnerabilities of the container images (Inspector v2)' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.question', { defaultMessage: 'Which vulnerable packages does Inspector report in the container images?' });
  },
  match: [{ entity: 'container_image', fields: [], valueQuery: ecrImageQuery }],
  filter: [{ term: { 'event.module': 'inspector' } }, { term: { 'event.category': 'package' } }, { term: { 'Resources.Type': 'AwsEcrContainerImage' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [
    { key: 'severities', field: 'Severity.Label', get label() { return i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.facet.severities', { defaultMessage: 'Severity' }); } },
    { key: 'repositories', field: `${ECR_IMAGE}.RepositoryName`, get label() { return i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.facet.repositories', { defaultMessage: 'Repository' }); } },
    { key: 'packages', field: 'Vulnerabilities.VulnerablePackages.Name', get label() { return i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.facet.packages', { defaultMessage: 'Package' }); } },
    { key: 'cves', field: 'Vulnerabilities.Id', get label() { return i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.facet.cves', { defaultMessage: 'CVE' }); } },
  ],
  narrate: {
    chapter: 'weakness',
    tell({ group, facet, entities }) {
      if (group.hits.length === 0) return [];
      const { severities, worst } = vulnerabilitySummary(group.hits, facet('severities'));
      return [
        {
          text: i18n.translate('siemInvestigations.rule.securityhub.image_vulnerabilities.story', {
            defaultMessage:
              'Inspector reports {total, plural, one {# vulnerable package finding} other {# vulnerable package findings}} in the container image {images}{hasSeverities, select, yes { ({severities})} other {}}: {worst}.',
            values: { total: group.total, images: list(entities.values('container_image')), hasSeverities: severities.length ? 'yes' : 'no', severities: list(severities, 4), worst: list(worst) },
          }),
          evidence: [IMAGE_VULNERABILITIES.id],
        },
      ];
    },
  },
};
