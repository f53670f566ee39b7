import { ACCESS_KEY, ATTACKER_IP, BUCKET_PERMISSIONS, INSTANCE_CREDENTIALS, OBJECT_ACCESS } from './rules/cloudtrail';
import { FINDING, RELATED } from './rules/guardduty';
import { SSH_FROM_ATTACKER, SSH_SUCCESS } from './rules/linux_secure';
import { INSPECTOR, MACIE } from './rules/securityhub';
import { PivotRule, Playbook, RuleId } from './types';

export type { NarrationContext, PivotFacet, PivotMatch, PivotRule, PivotYield, Playbook, RuleId, Sentence, StoryChapter } from './types';
export { STORY_CHAPTERS } from './types';

/** Every rule, in the order its evidence is shown. */
export const PIVOT_RULES: PivotRule[] = [
  FINDING,
  RELATED,
  INSTANCE_CREDENTIALS,
  ACCESS_KEY,
  OBJECT_ACCESS,
  BUCKET_PERMISSIONS,
  ATTACKER_IP,
  SSH_FROM_ATTACKER,
  SSH_SUCCESS,
  INSPECTOR,
  MACIE,
];

/** An EC2 instance and its role's credentials: the workshop incident seen from either end. */
const INSTANCE_AND_CREDENTIALS = PIVOT_RULES;
const CREDENTIALS_AND_DATA = [FINDING, RELATED, ACCESS_KEY, OBJECT_ACCESS, BUCKET_PERMISSIONS, ATTACKER_IP, MACIE];
const REMOTE_ADDRESS = [FINDING, RELATED, ACCESS_KEY, ATTACKER_IP, SSH_FROM_ATTACKER, SSH_SUCCESS];

/**
 * The questions asked per GuardDuty finding family; the first playbook whose type pattern matches
 * wins, and `generic` takes any type not known yet. A rule still runs only when the entities it
 * pivots on are known.
 */
export const PLAYBOOKS: Playbook[] = [
  { id: 'attack_sequence', title: 'Attack sequence', types: ['AttackSequence:*'], rules: INSTANCE_AND_CREDENTIALS },
  { id: 'iam', title: 'IAM credentials', types: ['*:IAMUser/*'], rules: INSTANCE_AND_CREDENTIALS },
  { id: 'dns', title: 'DNS activity of an instance', types: ['*!DNS', '*:EC2/DNS*', '*:EC2/DGADomainRequest*', '*:Runtime/*DNS*'], rules: INSTANCE_AND_CREDENTIALS },
  { id: 'ec2', title: 'EC2 instance', types: ['*:EC2/*'], rules: INSTANCE_AND_CREDENTIALS },
  { id: 'runtime', title: 'Runtime (EC2, EKS, ECS)', types: ['*:Runtime/*'], rules: INSTANCE_AND_CREDENTIALS },
  { id: 's3', title: 'S3 data', types: ['*:S3/*'], rules: CREDENTIALS_AND_DATA },
  { id: 'kubernetes', title: 'Kubernetes (EKS)', types: ['*:Kubernetes/*'], rules: REMOTE_ADDRESS },
  { id: 'ecs', title: 'ECS and other containers', types: ['*:ECS/*', '*:Container/*'], rules: REMOTE_ADDRESS },
  { id: 'rds', title: 'RDS database', types: ['*:RDS/*'], rules: REMOTE_ADDRESS },
  { id: 'lambda', title: 'Lambda function', types: ['*:Lambda/*'], rules: REMOTE_ADDRESS },
  { id: 'generic', title: 'Any finding', types: ['*'], rules: [FINDING, RELATED, ACCESS_KEY, ATTACKER_IP] },
];

export function playbookFor(findingType: string): Playbook {
  return PLAYBOOKS.find((p) => p.types.some((t) => typeMatches(t, findingType))) ?? PLAYBOOKS[PLAYBOOKS.length - 1];
}

function typeMatches(pattern: string, type: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(type);
}

export function ruleById(id: RuleId): PivotRule {
  const rule = PIVOT_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}
