import { FindingSummary, SourceCoverage, StorySentence } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';
import { LIMITS } from '../../common/constants';
import { clipText } from '../lib/bounds';
import { EntitySet } from './entity_set';
import { first, values } from '../../common/flatten';
import { ParsedGroup } from './response_parser';

/** `2021-04-27 10:21:19 UTC`: analysts compare times across sources, always in UTC. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'an unknown time';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

function list(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : text;
}

function facet(g: ParsedGroup | undefined, field: string, label?: string) {
  return g?.facets.find((f) => f.field === field && (label === undefined || f.label === label))?.buckets ?? [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A few sentences an analyst can paste into a ticket. Each one names the evidence groups that
 * prove it, so the reader can open the query behind every claim.
 */
export function buildStory(
  finding: FindingSummary,
  entities: EntitySet,
  groups: Map<string, ParsedGroup>,
  coverage: SourceCoverage[],
  sources: SourceDefinitions
): StorySentence[] {
  const story: StorySentence[] = [];
  const has = (id: string) => (groups.get(id)?.hits.length ?? 0) > 0;
  const say = (text: string, evidence: string[]) => story.push({ text: clipText(text, LIMITS.storyChars), evidence: evidence.filter((id) => groups.has(id)) });

  say(
    `GuardDuty reported "${finding.title}" (${finding.type}, ${finding.severityLabel} severity ${finding.severity}), ` +
      `active from ${formatTime(finding.firstSeen)} to ${formatTime(finding.lastSeen)} and seen ${plural(finding.count, 'time')}.`,
    ['guardduty.finding']
  );

  const keys = entities.values('access_key');
  const roles = entities.values('role');
  const instances = entities.values('instance');
  if (keys.length && roles.length) {
    say(
      `The credentials involved are access key ${list(keys)} of role ${list(roles)}` +
        (instances.length ? `, which belongs to instance ${list(instances)}.` : '.'),
      ['guardduty.finding', ...(has('cloudtrail.instance_credentials') ? ['cloudtrail.instance_credentials'] : [])]
    );
  } else if (instances.length) {
    say(`The finding concerns instance ${list(instances)}.`, ['guardduty.finding']);
  }

  const related = groups.get('guardduty.related');
  if (related && related.total > 0) {
    const types = [...new Set(related.hits.map((h) => first(h.doc, 'type', 'rule.id') ?? 'unknown'))];
    say(`GuardDuty reported ${plural(related.total, 'related finding')} for the same resources: ${list(types)}.`, ['guardduty.related']);
  }

  const attempts = groups.get('linux_secure.ssh_from_attacker');
  if (attempts && attempts.total > 0) {
    const failures = facet(attempts, 'event.outcome').find((b) => b.value === 'failure')?.count ?? 0;
    const top = facet(attempts, 'user.name', 'User name (failed logins)')[0];
    const ips = [...new Set(attempts.hits.map((h) => first(h.doc, 'source.ip')).filter((v): v is string => !!v))];
    const targets = facet(attempts, 'cloud.instance.id').map((b) => b.value);
    say(
      `${list(ips)} made ${plural(failures, 'failed SSH login')}` +
        (targets.length ? ` against ${list(targets)}` : '') +
        (top && failures ? `, ${Math.round((top.count / failures) * 100)}% of them as "${top.value}".` : '.'),
      ['linux_secure.ssh_from_attacker']
    );
    const success = groups.get('linux_secure.ssh_success');
    if (success && success.total > 0) {
      const h = success.hits[0];
      const who = facet(success, 'user.name').map((b) => `"${b.value}"`);
      say(
        `The brute force succeeded: ${first(h.doc, 'source.ip')} logged in as ${list(who)} at ${formatTime(h.timestamp)}` +
          (success.total > 1 ? ` (${plural(success.total, 'successful login')} in all).` : '.'),
        ['linux_secure.ssh_success']
      );
    } else {
      say('None of these SSH attempts succeeded.', ['linux_secure.ssh_from_attacker', 'linux_secure.ssh_success']);
    }
  }

  const inspector = groups.get('securityhub.inspector');
  if (inspector && inspector.total > 0) {
    const sshTitles = inspector.hits
      .filter((h) => /ssh/i.test(`${first(h.doc, 'Title')} ${first(h.doc, 'ProductFields.aws/inspector/id')}`))
      .map((h) => first(h.doc, 'ProductFields.aws/inspector/id', 'Title') ?? '');
    say(
      sshTitles.length
        ? `Inspector reports SSH weaknesses on ${list(instances)}: ${list([...new Set(sshTitles)].map((t) => `"${t}"`), 4)}.`
        : `Inspector reports ${plural(inspector.total, 'finding')} on ${list(instances)}, none of them about SSH.`,
      ['securityhub.inspector']
    );
  }

  const calls = groups.get('cloudtrail.access_key');
  if (calls && calls.total > 0) {
    const failed = facet(calls, 'event.outcome').find((b) => b.value === 'failure')?.count ?? 0;
    const ips = facet(calls, 'source.ip').map((b) => `${b.value} (${b.count})`);
    say(
      `With these credentials ${plural(calls.total, 'API call')} were made (${failed} failed)` + (ips.length ? `, from ${list(ips, 4)}.` : '.'),
      ['cloudtrail.access_key']
    );
  }

  const perms = groups.get('cloudtrail.bucket_permissions');
  if (perms && perms.hits.length > 0) {
    const buckets = [...new Set(perms.hits.map((h) => first(h.doc, 'requestParameters.bucketName') ?? ''))].filter(Boolean);
    const changes = perms.hits.slice(0, 4).map((h) => {
      const grant = first(h.doc, 'requestParameters.x-amz-grant-read') ?? '';
      return `${first(h.doc, 'event.action', 'eventName')} at ${formatTime(h.timestamp)}` + (grant.includes('AllUsers') ? ' granting read access to everyone (AllUsers)' : '');
    });
    const who = [...new Set(perms.hits.map((h) => `key ${first(h.doc, 'user.id') ?? 'unknown'} from ${first(h.doc, 'source.ip', 'source.address') ?? 'unknown'}`))];
    say(
      `The access rules of bucket ${list(buckets)} changed: ${list(changes, 4)}` +
        (perms.total > changes.length ? ` and ${plural(perms.total - changes.length, 'more change')}` : '') +
        ` (${list(who, 2)}).`,
      ['cloudtrail.bucket_permissions']
    );
  }

  const objects = groups.get('cloudtrail.object_access');
  if (objects && objects.hits.length > 0) {
    const h = objects.hits[0];
    const keysRead = facet(objects, 'requestParameters.key').map((b) => `"${b.value}" (${plural(b.count, 'time')})`);
    say(
      `${list(keysRead)} ${keysRead.length === 1 ? 'was' : 'were'} read from bucket ${list([...new Set(objects.hits.flatMap((x) => values(x.doc, 'requestParameters.bucketName')))])}` +
        `, first at ${formatTime(h.timestamp)} from ${first(h.doc, 'source.ip', 'source.address') ?? 'an unknown address'}.`,
      ['cloudtrail.object_access']
    );
  }

  const macie = groups.get('securityhub.macie');
  if (macie && macie.hits.length > 0) {
    const titles = [...new Set(macie.hits.map((h) => first(h.doc, 'Title', 'rule.name') ?? ''))].filter(Boolean);
    say(`Macie reports: ${list(titles.map((t) => `"${t.replace(/\.$/, '')}"`), 2)}.`, ['securityhub.macie']);
  }

  for (const g of groups.values()) {
    if (g.error) say(`The search "${g.title}" did not complete (${g.error}); its evidence may be missing.`, [g.id]);
  }
  for (const c of coverage) {
    if (c.docsInWindow === 0) {
      say(`${sources[c.source].label} has no data in ${c.indexPattern} for this time window, so that part of the picture is missing.`, []);
    }
  }
  return story;
}
