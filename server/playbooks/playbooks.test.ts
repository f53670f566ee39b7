import { PIVOT_RULES, PLAYBOOKS, playbookFor } from '.';
import { STORY_CHAPTERS } from './types';

describe('playbooks per GuardDuty finding family', () => {
  it.each([
    ['UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom', 'iam'],
    ['UnauthorizedAccess:EC2/SSHBruteForce', 'ec2'],
    ['UnauthorizedAccess:EC2/RDPBruteForce', 'rdp'],
    ['Backdoor:EC2/C&CActivity.B!DNS', 'dns'],
    ['Trojan:EC2/DGADomainRequest.B', 'dns'],
    ['Discovery:S3/TorIPCaller', 's3'],
    ['PrivilegeEscalation:Kubernetes/PrivilegedContainer', 'kubernetes'],
    ['Execution:Runtime/ReverseShell', 'runtime'],
    ['CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin', 'rds'],
    ['Backdoor:Lambda/C&CActivity.B', 'lambda'],
    ['AttackSequence:IAM/CompromisedCredentials', 'attack_sequence'],
    ['Impact:ECS/CryptoMinerInContainer.Future', 'ecs'],
    ['Execution:Container/MaliciousFile', 'ecs'],
    ['SomethingNew:Quantum/Entanglement', 'generic'],
    ['', 'generic'],
  ])('%j → %s', (type, id) => {
    expect(playbookFor(type).id).toBe(id);
  });

  it('keeps the workshop: the IAM and EC2 playbooks ask every rule of the first release, in its order, before the new sources and the credential chains', () => {
    const workshop = PIVOT_RULES.slice(0, 11).map((r) => r.id);
    expect(new Set(PIVOT_RULES.slice(0, 11).map((r) => r.source))).toEqual(new Set(['guardduty', 'cloudtrail', 'linux_secure', 'securityhub']));
    // After the workshop: flow logs, what followed the SSH login on the instance, and the S3 server access logs.
    const after = ['vpcflowlogs.remote_traffic', 'linux_secure.privilege_use', 'linux_os.account_changes', 's3accesslog.principal_requests', 'securityhub.controls', 'securityhub.package_vulnerabilities'];
    const rulesOf = (id: string) => PLAYBOOKS.find((p) => p.id === id)!.rules.map((r) => r.id);
    // EC2 findings then ask the web front (WAF, load balancers, Network Firewall) and AWS Config; the IAM families do not.
    expect(rulesOf('ec2')).toEqual([...workshop, ...after, 'waf.remote_requests', 'elb.remote_requests', 'networkfirewall.remote_traffic', 'config.resource_changes']);
    // The IAM findings then follow the credential chains.
    expect(rulesOf('iam')).toEqual([...workshop, ...after, 'cloudtrail.key_origin', 'cloudtrail.console_logins', 'cloudtrail.created_credentials', 'cloudtrail.created_activity']);
  });

  it('follows credential chains for IAM, S3 and attack-sequence findings, and the instance credentials of an exfiltration finding', () => {
    const rulesOf = (id: string) => PLAYBOOKS.find((p) => p.id === id)!.rules.map((r) => r.id);
    expect(playbookFor('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS').id).toBe('iam_instance_credentials');
    expect(playbookFor('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS').id).toBe('iam_instance_credentials');
    for (const type of ['UnauthorizedAccess:IAMUser/TorIPCaller', 'UnauthorizedAccess:IAMUser/MaliciousIPCaller', 'Persistence:IAMUser/AnomalousBehavior', 'PrivilegeEscalation:IAMUser/AnomalousBehavior']) {
      expect(playbookFor(type).id).toBe('iam');
    }
    expect(rulesOf('iam_instance_credentials')).toEqual(expect.arrayContaining(['cloudtrail.instance_credentials_elsewhere', 'cloudtrail.created_credentials', 'cloudtrail.created_activity']));
    expect(rulesOf('s3')).toEqual(expect.arrayContaining(['cloudtrail.key_origin', 'cloudtrail.created_credentials']));
    expect(rulesOf('attack_sequence')).toEqual(expect.arrayContaining(['cloudtrail.created_credentials', 'cloudtrail.created_activity']));
    // Only the next hop of a chain may take a third, bounded round trip.
    expect(PIVOT_RULES.filter((r) => r.thirdHop).map((r) => r.id)).toEqual(['cloudtrail.created_activity']);
  });

  it('asks the Route 53 Resolver questions for DNS findings, and the flow logs wherever a remote address matters', () => {
    const rulesOf = (id: string) => PLAYBOOKS.find((p) => p.id === id)!.rules.map((r) => r.id);
    expect(rulesOf('dns')).toEqual(expect.arrayContaining(['r53resolver.domain_queries', 'r53resolver.instance_queries', 'vpcflowlogs.remote_traffic']));
    for (const id of ['iam', 'ec2', 'runtime', 'attack_sequence', 'generic', 'kubernetes']) {
      expect(rulesOf(id)).toContain('vpcflowlogs.remote_traffic');
      expect(rulesOf(id)).not.toContain('r53resolver.domain_queries');
    }
  });

  it('asks the Windows logons for RDP brute force, and the S3 server access logs and data events for S3 findings', () => {
    const rulesOf = (id: string) => PLAYBOOKS.find((p) => p.id === id)!.rules.map((r) => r.id);
    expect(rulesOf('rdp')).toEqual(expect.arrayContaining(['windows_event.logons_from_attacker', 'windows_event.logon_success', 'vpcflowlogs.remote_traffic']));
    expect(rulesOf('rdp')).not.toContain('linux_secure.ssh_from_attacker');
    expect(rulesOf('s3')).toEqual(
      expect.arrayContaining(['cloudtrail.s3_data_events', 'cloudtrail.account_public_access', 'cloudtrail.bucket_permissions', 's3accesslog.principal_requests', 's3accesslog.bucket_reads', 'securityhub.controls'])
    );
    for (const id of ['iam', 'ec2', 'dns', 's3', 'generic']) expect(rulesOf(id)).not.toContain('windows_event.logon_success');
  });

  it('starts every playbook with the finding itself and its related findings, and uses only declared rules', () => {
    for (const p of PLAYBOOKS) {
      expect(p.rules.slice(0, 2).map((r) => r.id)).toEqual(['guardduty.finding', 'guardduty.related']);
      for (const r of p.rules) expect(PIVOT_RULES).toContain(r);
    }
  });

  it('gives every rule a unique id, facets with unique keys, and narration in a known chapter', () => {
    expect(new Set(PIVOT_RULES.map((r) => r.id)).size).toBe(PIVOT_RULES.length);
    for (const r of PIVOT_RULES) {
      const keys = (r.facets ?? []).map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      if (r.narrate) expect(STORY_CHAPTERS).toContain(r.narrate.chapter);
    }
  });
});
