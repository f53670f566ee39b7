import { i18n } from '@osd/i18n';
import { ACCESS_KEY, ATTACKER_IP, BUCKET_PERMISSIONS, INSTANCE_CREDENTIALS, OBJECT_ACCESS } from './rules/cloudtrail';
import { CONSOLE_LOGINS, CREATED_ACTIVITY, CREATED_CREDENTIALS, INSTANCE_CREDENTIALS_ELSEWHERE, KEY_ORIGIN } from './rules/cloudtrail_chains';
import { ACCOUNT_PUBLIC_ACCESS, S3_DATA_EVENTS } from './rules/cloudtrail_s3';
import { RESOURCE_CHANGES } from './rules/config';
import { ELB_REQUESTS } from './rules/elb';
import { FINDING, RELATED } from './rules/guardduty';
import { ACCOUNT_CHANGES, PRIVILEGE_USE } from './rules/linux_os';
import { SSH_FROM_ATTACKER, SSH_SUCCESS } from './rules/linux_secure';
import { FIREWALL_TRAFFIC } from './rules/networkfirewall';
import { DOMAIN_QUERIES, INSTANCE_QUERIES } from './rules/r53resolver';
import { BUCKET_READS, PRINCIPAL_REQUESTS } from './rules/s3accesslog';
import { CONTROLS, IMAGE_VULNERABILITIES, INSPECTOR, MACIE, PACKAGE_VULNERABILITIES } from './rules/securityhub';
import { REMOTE_TRAFFIC } from './rules/vpcflowlogs';
import { WAF_REQUESTS } from './rules/waf';
import { RDP_LOGONS, RDP_SUCCESS } from './rules/windows_event';
import { PivotRule, Playbook, RuleId } from './types';

export type { NarrationContext, PivotFacet, PivotMatch, PivotRule, PivotYield, Playbook, RuleId, Sentence, StoryChapter } from './types';
export { STORY_CHAPTERS } from './types';

/** The workshop's four sources, in the order their evidence is shown. */
const WORKSHOP_RULES: PivotRule[] = [
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

/**
 * Credential chains (CloudTrail): who made the finding's key, the console sign-ins, what the
 * credentials created or handed out and what those did next. Their evidence comes after the rest.
 */
const CHAINS: PivotRule[] = [KEY_ORIGIN, CONSOLE_LOGINS, CREATED_CREDENTIALS, CREATED_ACTIVITY];

/** Every rule, in the order its evidence is shown: the sources beyond the workshop's come after its own. */
export const PIVOT_RULES: PivotRule[] = [
  ...WORKSHOP_RULES,
  DOMAIN_QUERIES,
  INSTANCE_QUERIES,
  REMOTE_TRAFFIC,
  PRIVILEGE_USE,
  ACCOUNT_CHANGES,
  RDP_LOGONS,
  RDP_SUCCESS,
  S3_DATA_EVENTS,
  ACCOUNT_PUBLIC_ACCESS,
  PRINCIPAL_REQUESTS,
  BUCKET_READS,
  CONTROLS,
  PACKAGE_VULNERABILITIES,
  IMAGE_VULNERABILITIES,
  WAF_REQUESTS,
  ELB_REQUESTS,
  FIREWALL_TRAFFIC,
  RESOURCE_CHANGES,
  INSTANCE_CREDENTIALS_ELSEWHERE,
  ...CHAINS,
];

/**
 * Did the remote addresses reach our web front, and were they blocked: AWS WAF, the load balancers'
 * access logs and AWS Network Firewall, for findings with a remote address.
 */
const WEB_FRONT = [WAF_REQUESTS, ELB_REQUESTS, FIREWALL_TRAFFIC];

/**
 * An EC2 instance and its role's credentials: the workshop incident seen from either end, then what
 * followed the SSH login on the instance, what the credentials did in S3 (server access logs) and the
 * Security Hub controls and Inspector v2 vulnerabilities of the affected resources.
 */
const INSTANCE_AND_CREDENTIALS = [...WORKSHOP_RULES, REMOTE_TRAFFIC, PRIVILEGE_USE, ACCOUNT_CHANGES, PRINCIPAL_REQUESTS, CONTROLS, PACKAGE_VULNERABILITIES];
/**
 * IAM credentials (malicious or Tor callers, persistence, privilege escalation, anomalous use): the
 * instance's and the credentials' questions, then the chains — who made the key, which new
 * principals it created and what those did.
 */
const CREDENTIALS_AND_CHAINS = [...INSTANCE_AND_CREDENTIALS, ...CHAINS];
/** A DNS finding: who queried the domain, what else they resolved, and the instance's story. */
const DNS = [...WORKSHOP_RULES, DOMAIN_QUERIES, INSTANCE_QUERIES, REMOTE_TRAFFIC];
/** An RDP brute force: the Windows logons from the attacker (did it succeed, as whom) and the instance's story. */
const RDP = [FINDING, RELATED, INSTANCE_CREDENTIALS, ACCESS_KEY, ATTACKER_IP, RDP_LOGONS, RDP_SUCCESS, INSPECTOR, REMOTE_TRAFFIC, CONTROLS, PACKAGE_VULNERABILITIES, FIREWALL_TRAFFIC, RESOURCE_CHANGES];
/**
 * S3: who touched the data (CloudTrail data events, server access logs), how much, who opened the
 * bucket, and back along the chain: who made the key that read it, and what that creator made.
 */
const CREDENTIALS_AND_DATA = [
  FINDING,
  RELATED,
  ACCESS_KEY,
  OBJECT_ACCESS,
  BUCKET_PERMISSIONS,
  ATTACKER_IP,
  MACIE,
  S3_DATA_EVENTS,
  ACCOUNT_PUBLIC_ACCESS,
  PRINCIPAL_REQUESTS,
  BUCKET_READS,
  CONTROLS,
  KEY_ORIGIN,
  CREATED_CREDENTIALS,
  RESOURCE_CHANGES,
];
/**
 * An EC2 finding (brute force, port probe, Tor or malicious callers, C&C): the instance's story, then
 * whether the remote addresses reached the web front and what changed on the instance and its
 * security groups (AWS Config). The IAM families keep INSTANCE_AND_CREDENTIALS without them.
 */
const EC2 = [...INSTANCE_AND_CREDENTIALS, ...WEB_FRONT, RESOURCE_CHANGES];
const REMOTE_ADDRESS = [FINDING, RELATED, ACCESS_KEY, ATTACKER_IP, SSH_FROM_ATTACKER, SSH_SUCCESS, REMOTE_TRAFFIC];
/** Containers (EKS, ECS, Runtime): the remote address's questions, then Inspector v2's vulnerabilities of the images. */
const CONTAINERS = [...REMOTE_ADDRESS, IMAGE_VULNERABILITIES];

/**
 * The questions asked per GuardDuty finding family; the first playbook whose type pattern matches
 * wins, and `generic` takes any type not known yet. A rule still runs only when the entities it
 * pivots on are known.
 */
export const PLAYBOOKS: Playbook[] = [
  { id: 'attack_sequence', get title() { return i18n.translate('siemInvestigations.playbook.attack_sequence.title', { defaultMessage: 'Attack sequence' }); }, types: ['AttackSequence:*'], rules: CREDENTIALS_AND_CHAINS },
  {
    id: 'iam_instance_credentials',
    title: 'Instance credentials used elsewhere',
    types: ['*:IAMUser/InstanceCredentialExfiltration*'],
    rules: [...INSTANCE_AND_CREDENTIALS, INSTANCE_CREDENTIALS_ELSEWHERE, ...CHAINS],
  },
  { id: 'iam', get title() { return i18n.translate('siemInvestigations.playbook.iam.title', { defaultMessage: 'IAM credentials' }); }, types: ['*:IAMUser/*'], rules: CREDENTIALS_AND_CHAINS },
  { id: 'dns', get title() { return i18n.translate('siemInvestigations.playbook.dns.title', { defaultMessage: 'DNS activity of an instance' }); }, types: ['*!DNS', '*:EC2/DNS*', '*:EC2/DGADomainRequest*', '*:Runtime/*DNS*'], rules: DNS },
  { id: 'rdp', get title() { return i18n.translate('siemInvestigations.playbook.rdp.title', { defaultMessage: 'RDP brute force' }); }, types: ['*:EC2/RDPBruteForce*'], rules: RDP },
  { id: 'ec2', get title() { return i18n.translate('siemInvestigations.playbook.ec2.title', { defaultMessage: 'EC2 instance' }); }, types: ['*:EC2/*'], rules: EC2 },
  { id: 'runtime', get title() { return i18n.translate('siemInvestigations.playbook.runtime.title', { defaultMessage: 'Runtime (EC2, EKS, ECS)' }); }, types: ['*:Runtime/*'], rules: [...INSTANCE_AND_CREDENTIALS, IMAGE_VULNERABILITIES] },
  { id: 's3', get title() { return i18n.translate('siemInvestigations.playbook.s3.title', { defaultMessage: 'S3 data' }); }, types: ['*:S3/*'], rules: CREDENTIALS_AND_DATA },
  { id: 'kubernetes', get title() { return i18n.translate('siemInvestigations.playbook.kubernetes.title', { defaultMessage: 'Kubernetes (EKS)' }); }, types: ['*:Kubernetes/*'], rules: CONTAINERS },
  { id: 'ecs', get title() { return i18n.translate('siemInvestigations.playbook.ecs.title', { defaultMessage: 'ECS and other containers' }); }, types: ['*:ECS/*', '*:Container/*'], rules: CONTAINERS },
  { id: 'rds', get title() { return i18n.translate('siemInvestigations.playbook.rds.title', { defaultMessage: 'RDS database' }); }, types: ['*:RDS/*'], rules: REMOTE_ADDRESS },
  { id: 'lambda', get title() { return i18n.translate('siemInvestigations.playbook.lambda.title', { defaultMessage: 'Lambda function' }); }, types: ['*:Lambda/*'], rules: REMOTE_ADDRESS },
  { id: 'generic', get title() { return i18n.translate('siemInvestigations.playbook.generic.title', { defaultMessage: 'Any finding' }); }, types: ['*'], rules: [FINDING, RELATED, ACCESS_KEY, ATTACKER_IP, REMOTE_TRAFFIC, ...WEB_FRONT] },
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
