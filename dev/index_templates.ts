/**
 * The index templates of SIEM on Amazon OpenSearch Service (SIEM_SCHEMA.md §2.1–2.3) for a local
 * single node: component templates with the explicit field types, composable templates per log
 * type for monthly (`log-aws-guardduty-2021-04`) and numbered rollover (`log-aws-guardduty-000001`)
 * indices. Every other string becomes a `keyword`, exactly as in the SIEM.
 *
 * With a prefix, template names and patterns carry it (`<prefix>log-aws-guardduty-*`), so parallel
 * test suites can each own their indices in one cluster.
 */
import type { Client } from '@opensearch-project/opensearch';

export interface IndexTemplateOptions {
  /** Prepended to template names and index patterns. Default ''. */
  prefix?: string;
  /** Replace templates that already exist. Default false: existing templates are left alone. */
  force?: boolean;
  /** Primaries per index. Default `SIEM_INDEX_SHARDS` from the environment, else 1 (one local node). */
  shards?: number;
  /** Replicas per primary. Default `SIEM_INDEX_REPLICAS` from the environment, else 0. */
  replicas?: number;
}

/**
 * Shard settings of the templates: one primary and no replica on a single dev node; on a cluster,
 * `SIEM_INDEX_SHARDS=3 SIEM_INDEX_REPLICAS=1` gives the SIEM's layout (its log template has 3
 * primaries; here every log type gets them, GuardDuty included, so that collapse, terms and counts
 * are exercised across shards) with one replica as on a multi-node domain.
 */
export function shardSettings(opts: Pick<IndexTemplateOptions, 'shards' | 'replicas'> = {}, env: NodeJS.ProcessEnv = process.env): { shards: number; replicas: number } {
  const read = (given: number | undefined, name: string, fallback: number, min: number) => {
    const v = given ?? (env[name] !== undefined && env[name] !== '' ? Number(env[name]) : fallback);
    if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer >= ${min}, got ${env[name] ?? given}`);
    return v;
  };
  return { shards: read(opts.shards, 'SIEM_INDEX_SHARDS', 1, 1), replicas: read(opts.replicas, 'SIEM_INDEX_REPLICAS', 0, 0) };
}

type FieldType = Record<string, unknown>;
type FieldList = Array<[string, FieldType]>;

const keyword = { type: 'keyword' };
const keywordAndText = { type: 'keyword', fields: { text: { type: 'text' } } };
const text = { type: 'text' };
const date = { type: 'date' };
const ip = { type: 'ip' };
const long = { type: 'long' };
const integer = { type: 'integer' };
const float = { type: 'float' };
const geoPoint = { type: 'geo_point' };
const bool = { type: 'boolean' };

const withType = (type: FieldType, paths: string[]): FieldList => paths.map((p) => [p, type]);

/** component_template_log: ECS fields shared by every log type (§2.3). */
const LOG_FIELDS: FieldList = [
  ...withType(date, ['@timestamp', 'cwe_timestamp', 'event.created', 'event.start', 'event.end', 'event.ingested']),
  ...withType(text, ['@message', 'error.message']),
  ...withType(keyword, [
    '@id',
    '@log_type',
    '@log_s3bucket',
    'event.category',
    'event.kind',
    'event.outcome',
    'event.type',
    'event.code',
    'event.id',
    'source.address',
    'source.geo.city_name',
    'source.geo.country_iso_code',
    'source.geo.country_name',
    'source.as.organization.name',
    'destination.geo.city_name',
    'destination.geo.country_iso_code',
    'destination.geo.country_name',
    'destination.as.organization.name',
    'user.id',
    'user.name',
    'user.roles',
    'related.user',
    'related.hosts',
    'related.hash',
    'rule.id',
    'rule.description',
    'rule.category',
    'rule.uuid',
    'rule.version',
    'rule.author',
    'host.hostname',
    'host.id',
    'user_agent.name',
    'user_agent.device.name',
    'user_agent.os.full',
    'user_agent.os.version',
    'user_agent.version',
    'vulnerability.id',
    'vulnerability.severity',
    'vulnerability.category',
    'threat.matched.indicators',
    'threat.matched.providers',
    'threat.matched.types',
  ]),
  ['@log_s3key', { type: 'keyword', doc_values: false }],
  ...withType(keywordAndText, ['user_agent.original', 'user_agent.os.name', 'vulnerability.description']),
  ...withType(long, [
    'event.severity',
    'event.duration',
    'process.pid',
    'process.ppid',
    'source.bytes',
    'destination.bytes',
    'source.packets',
    'destination.packets',
    'network.packets',
    'dns.answers.ttl',
  ]),
  ['network.bytes', integer],
  ['network.iana_number', { type: 'short' }],
  ...withType(float, ['event.risk_score', 'event.risk_score_norm', 'vulnerability.score.base']),
  ...withType(integer, ['source.port', 'destination.port', 'source.nat.port', 'destination.nat.port', 'source.as.number', 'destination.as.number']),
  ...withType(ip, ['source.ip', 'destination.ip', 'source.nat.ip', 'destination.nat.ip', 'related.ip', 'host.ip']),
  ...withType(geoPoint, ['source.geo.location', 'destination.geo.location']),
];

const LOG_AWS_FIELDS: FieldList = withType(keyword, ['SchemaVersion', 'apiVersion']);

const GD_ACTION = 'service.action';
const GUARDDUTY_FIELDS: FieldList = [
  ['description', text],
  ['service.additionalInfo.unusual', text],
  ...withType(date, ['resource.instanceDetails.launchTime', 'service.additionalInfo.apiCalls.firstSeen', 'service.additionalInfo.apiCalls.lastSeen']),
  ...withType(ip, [
    'resource.instanceDetails.networkInterfaces.privateIpAddress',
    'resource.instanceDetails.networkInterfaces.privateIpAddresses.privateIpAddress',
    'resource.instanceDetails.networkInterfaces.publicIp',
    `${GD_ACTION}.awsApiCallAction.remoteIpDetails.ipAddressV4`,
    `${GD_ACTION}.awsApiCallAction.remoteIpDetails.ipAddressV6`,
    `${GD_ACTION}.networkConnectionAction.remoteIpDetails.ipAddressV4`,
    `${GD_ACTION}.networkConnectionAction.localIpDetails.ipAddressV4`,
    `${GD_ACTION}.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4`,
    `${GD_ACTION}.portProbeAction.portProbeDetails.localIpDetails.ipAddressV4`,
    'service.additionalInfo.recentCredentials.ipAddressV4',
  ]),
  ...withType(geoPoint, [
    `${GD_ACTION}.awsApiCallAction.remoteIpDetails.geoLocation`,
    `${GD_ACTION}.networkConnectionAction.remoteIpDetails.geoLocation`,
    `${GD_ACTION}.portProbeAction.portProbeDetails.remoteIpDetails.geoLocation`,
  ]),
  ...withType(integer, [
    `${GD_ACTION}.awsApiCallAction.remoteIpDetails.organization.asn`,
    `${GD_ACTION}.networkConnectionAction.remoteIpDetails.organization.asn`,
    `${GD_ACTION}.networkConnectionAction.localPortDetails.port`,
    'service.additionalInfo.localPort',
  ]),
  ...withType(long, ['service.additionalInfo.inBytes', 'service.additionalInfo.outBytes']),
];

/** CloudTrail: the type fixes of component_template_log-aws-cloudtrail for fields whose shape varies. */
const CLOUDTRAIL_FIELDS: FieldList = [
  ...withType(float, ['additionalEventData.bytesTransferredIn', 'additionalEventData.bytesTransferredOut']),
  ...withType(keyword, [
    'awsRegion',
    'errorCode',
    'eventID',
    'additionalEventData.vpcEndpointId',
    'requestParameters.description',
    'requestParameters.imageId',
    'requestParameters.tags.value',
    'requestParameters.value',
    'requestParameters.tagSpecificationSet.items.tags.value',
    'responseElements.imageId',
    'responseElements.version',
  ]),
  ...withType(keywordAndText, [
    'requestParameters.iamInstanceProfile',
    'requestParameters.instanceType',
    'requestParameters.ebsOptimized',
    'requestParameters.bucketPolicy.Statement',
    'requestParameters.filter',
    'requestParameters.source',
    'requestParameters.status',
    'requestParameters.target',
    'requestParameters.principal',
    'responseElements.policy.value',
    'responseElements.description',
    'responseElements.role',
  ]),
  ...withType(bool, ['requestParameters.disableApiTermination', 'requestParameters.disableApiStop']),
  ...withType(integer, ['requestParameters.maxResults', 'requestParameters.MaxResults', 'requestParameters.maxItems', 'requestParameters.size']),
  ['requestParameters.limit', long],
];

const SECURITYHUB_FIELDS: FieldList = [
  ['ProductFields.aws/inspector/inspectorScore', float],
  ['ProductFields.aws/inspector/ProductVersion', keyword],
  ['Vulnerabilities.Cvss.BaseScore', float],
  ['Vulnerabilities.VulnerablePackages.Epoch', { type: 'date', format: 'epoch_second' }],
  ['Vulnerabilities.VulnerablePackages.Release', keyword],
  ['Vulnerabilities.VulnerablePackages.Version', keyword],
];

/**
 * component_template_log-aws-vpcflowlogs (SIEM `source/lambda/deploy_es/data.ini`): the raw fields
 * of a flow record beside the ECS ones es-loader adds (`aws.ini` [vpcflowlogs]).
 */
const VPCFLOWLOGS_FIELDS: FieldList = [
  ...withType(keyword, ['account_id', 'action', 'instance_id', 'interface_id', 'log_status', 'subnet_id', 'traffic_path', 'version', 'vpc_id']),
  ...withType(integer, ['bytes', 'dstport', 'packets', 'srcport']),
  ...withType(ip, ['dstaddr', 'srcaddr']),
  ...withType({ type: 'date', format: 'epoch_second' }, ['start', 'end']),
  ['protocol', { type: 'short' }],
  ['tcp_flags', { type: 'byte' }],
];

/** component_template_log-aws-r53resolver (SIEM `source/lambda/deploy_es/data.ini`). */
const R53RESOLVER_FIELDS: FieldList = [
  ['answers', { type: 'object' }],
  ['query_timestamp', date],
  ['srcaddr', ip],
  ['srcport', integer],
  ['version', keyword],
];

/** component_template_log-aws-s3accesslog (SIEM `source/lambda/deploy_es/data.ini`); the other fields are dynamic keywords. */
const S3ACCESSLOG_FIELDS: FieldList = [
  ...withType(integer, ['BytesSent', 'ObjectSize', 'TotalTime', 'TurnAroundTime']),
  ['HTTPstatus', { type: 'short' }],
  ['RemoteIP', ip],
  ['RequestDateTime', { type: 'date', format: 'dd/MMM/yyyy:HH:mm:ss Z' }],
];

/**
 * component_template_log-win (SIEM `source/lambda/deploy_es/data.ini`): the event XML's numbered
 * and named `Data` values, addresses and ports typed, the rest dynamic keywords.
 */
const WIN_FIELDS: FieldList = [
  ['Event.EventData.Data.0', { type: 'keyword', fields: { text: { type: 'text' } } }],
  ...withType(
    keyword,
    Array.from({ length: 20 }, (_v, i) => `Event.EventData.Data.${i + 1}`)
  ),
  ...withType(keyword, [
    'Event.EventData.Data.AccountExpires',
    'Event.EventData.Data.BitlockerUserInputTime',
    'Event.EventData.Data.ClientCreationTime',
    'Event.EventData.Data.CreationUtcTime',
    'Event.EventData.Data.DeviceTime',
    'Event.EventData.Data.NewTime',
    'Event.EventData.Data.OldTime',
    'Event.EventData.Data.PasswordLastSet',
    'Event.EventData.Data.PreviousCreationUtcTime',
    'Event.EventData.Data.PreviousTime',
    'Event.EventData.Data.ProcessingTimeInMilliseconds',
    'Event.EventData.Data.StartTime',
    'Event.EventData.Data.StopTime',
    'Event.EventData.Data.TimeSource',
    'Event.EventData.Data.TimeSourceRefId',
    'Event.System.EventID',
  ]),
  ...withType(ip, ['Event.EventData.Data.DestAddress', 'Event.EventData.Data.IpAddress', 'Event.EventData.Data.SourceAddress']),
  ...withType(integer, ['Event.EventData.Data.DestPort', 'Event.EventData.Data.IpPort', 'Event.EventData.Data.SourcePort']),
  ['Event.RenderingInfo.Message', text],
  ...withType(long, ['Event.System.Execution.ProcessID', 'Event.System.Execution.ThreadID']),
  ['Event.System.TimeCreated.SystemTime', date],
];

const LINUX_FIELDS: FieldList = [
  ['syslog_message', text],
  ['syslog_timestamp', keyword],
  ['pid', integer],
];

/**
 * component_template_log-aws-waf (SIEM `source/lambda/deploy_es/data.ini`): the client address is an
 * ip, `timestamp` epoch milliseconds; the rest dynamic keywords. (The SIEM's 30 s refresh interval
 * is left out: the local templates refresh every second.)
 */
const WAF_FIELDS: FieldList = [
  ['formatVersion', keyword],
  ['httpRequest.clientIp', ip],
  ...withType(keyword, ['httpRequest.header.cache_control', 'httpRequest.header.content_length', 'httpRequest.header.dnt', 'httpRequest.header.host', 'httpRequest.header.upgrade_insecure_requests', 'httpRequest.header.user_agent']),
  ['timestamp', { type: 'date', format: 'epoch_millis' }],
];

/** component_template_log-aws-elb (SIEM `data.ini`): ALB, NLB and CLB log fields under their group names. */
const ELB_FIELDS: FieldList = [
  ...withType(ip, ['backend_ip', 'client_ip', 'destination_ip', 'target_ip']),
  ...withType(integer, ['backend_port', 'client_port', 'connection_time', 'destination_port', 'http_port', 'matched_rule_priority', 'received_bytes', 'sent_bytes', 'target_port']),
  ...withType({ type: 'half_float' }, ['backend_processing_time', 'request_processing_time', 'response_processing_time', 'target_processing_time']),
  ...withType({ type: 'short' }, ['backend_status_code', 'elb_status_code', 'target_status_code']),
  ['http_version', keyword],
  ...withType(date, ['request_creation_time', 'timestamp', 'tls_connection_creation_time']),
];

/** component_template_log-aws-networkfirewall (SIEM `data.ini`): the Suricata-style `event` object's typed fields. */
const NETWORKFIREWALL_FIELDS: FieldList = [
  ...withType(keyword, ['event.alert.rev', 'event.alert.signature_id', 'event.tcp.tcp_flag']),
  ...withType(long, ['event.alert.severity', 'event.dest_port', 'event.http.length', 'event.netflow.bytes', 'event.netflow.max_ttl', 'event.netflow.min_ttl', 'event.netflow.pkts', 'event.src_port']),
  ...withType(ip, ['event.dest_ip', 'event.src_ip']),
];

/**
 * component_template_log-aws-config (SIEM `data.ini`), the fields the investigation reads and the
 * nested lists es-loader makes of dictionaries (`sf_config_snapshot.py`); the SIEM's other date
 * fields of `configuration.*` (one per resource type) are left to dynamic mapping here.
 */
const CONFIG_FIELDS: FieldList = [
  ['awsRegion', keyword],
  ['configurationStateId', keyword],
  ['configuration.state', keyword],
  ['configuration.state_code', keyword],
  ['configuration.rules.statement', text],
  ['configuration.configRuleList', { type: 'nested' }],
  ['notificationCreationTime', date],
  ['supplementaryConfiguration.BucketNotificationConfiguration.configurations', { type: 'nested' }],
  ['supplementaryConfiguration.BucketReplicationConfiguration.rules', { type: 'nested' }],
];

/** Turns dotted paths into nested `properties` (what OpenSearch's _mapping API shows). */
function toProperties(fields: FieldList): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const [path, type] of fields) {
    const parts = path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= { properties: {} };
      node[part].properties ??= {};
      node = node[part].properties;
    }
    node[parts[parts.length - 1]] = { ...(node[parts[parts.length - 1]] ?? {}), ...type };
  }
  return root;
}

interface LogType {
  /** Index base name, e.g. log-aws-guardduty. */
  name: string;
  /** SIEM component template suffix, e.g. log-aws-guardduty. */
  components: string[];
}

/** The log types this plugin reads, with the components their SIEM templates are composed of. */
const LOG_TYPES: LogType[] = [
  { name: 'log-aws-guardduty', components: ['log', 'log-aws', 'log-aws-guardduty'] },
  { name: 'log-aws-cloudtrail', components: ['log', 'log-aws', 'log-aws-cloudtrail'] },
  { name: 'log-aws-securityhub', components: ['log', 'log-aws', 'log-aws-securityhub'] },
  { name: 'log-linux-secure', components: ['log', 'log-aws', 'log-linux'] },
  { name: 'log-aws-vpcflowlogs', components: ['log', 'log-aws', 'log-aws-vpcflowlogs'] },
  { name: 'log-aws-r53resolver', components: ['log', 'log-aws', 'log-aws-r53resolver'] },
  { name: 'log-aws-s3accesslog', components: ['log', 'log-aws', 'log-aws-s3accesslog'] },
  { name: 'log-linux-os', components: ['log', 'log-aws', 'log-linux'] },
  { name: 'log-win-event', components: ['log', 'log-aws', 'log-win'] },
  { name: 'log-aws-waf', components: ['log', 'log-aws', 'log-aws-waf'] },
  { name: 'log-aws-elb', components: ['log', 'log-aws', 'log-aws-elb'] },
  { name: 'log-aws-networkfirewall', components: ['log', 'log-aws', 'log-aws-networkfirewall'] },
  { name: 'log-aws-config', components: ['log', 'log-aws', 'log-aws-config'] },
];

export interface TemplateSet {
  components: Record<string, Record<string, unknown>>;
  indexTemplates: Record<string, Record<string, unknown>>;
}

const META = { description: 'SIEM on Amazon OpenSearch Service templates for local development (siemInvestigations dev/index_templates.ts)' };

/** The templates as request bodies, by name. Pure: no client needed. */
export function buildIndexTemplates(prefix = '', shards: { shards: number; replicas: number } = { shards: 1, replicas: 0 }): TemplateSet {
  const component = (name: string) => `${prefix}component_template_${name}`;
  const components: TemplateSet['components'] = {
    [component('log')]: {
      template: {
        settings: {
          'index.number_of_shards': shards.shards,
          'index.number_of_replicas': shards.replicas,
          'index.refresh_interval': '1s',
          'index.mapping.ignore_malformed': true,
          'index.max_docvalue_fields_search': 200,
        },
        mappings: {
          dynamic_templates: [{ strings: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
          properties: toProperties(LOG_FIELDS),
        },
      },
      _meta: META,
    },
    [component('log-aws')]: { template: { mappings: { properties: toProperties(LOG_AWS_FIELDS) } }, _meta: META },
    [component('log-aws-guardduty')]: { template: { mappings: { properties: toProperties(GUARDDUTY_FIELDS) } }, _meta: META },
    [component('log-aws-cloudtrail')]: {
      template: { settings: { 'index.mapping.total_fields.limit': 8000 }, mappings: { properties: toProperties(CLOUDTRAIL_FIELDS) } },
      _meta: META,
    },
    [component('log-aws-securityhub')]: {
      template: { settings: { 'index.mapping.total_fields.limit': 2000 }, mappings: { properties: toProperties(SECURITYHUB_FIELDS) } },
      _meta: META,
    },
    [component('log-aws-vpcflowlogs')]: { template: { mappings: { properties: toProperties(VPCFLOWLOGS_FIELDS) } }, _meta: META },
    [component('log-aws-r53resolver')]: { template: { mappings: { properties: toProperties(R53RESOLVER_FIELDS) } }, _meta: META },
    [component('log-aws-s3accesslog')]: { template: { mappings: { properties: toProperties(S3ACCESSLOG_FIELDS) } }, _meta: META },
    [component('log-linux')]: { template: { mappings: { properties: toProperties(LINUX_FIELDS) } }, _meta: META },
    [component('log-win')]: { template: { mappings: { properties: toProperties(WIN_FIELDS) } }, _meta: META },
    [component('log-aws-waf')]: { template: { mappings: { properties: toProperties(WAF_FIELDS) } }, _meta: META },
    [component('log-aws-elb')]: { template: { mappings: { properties: toProperties(ELB_FIELDS) } }, _meta: META },
    [component('log-aws-networkfirewall')]: { template: { mappings: { properties: toProperties(NETWORKFIREWALL_FIELDS) } }, _meta: META },
    [component('log-aws-config')]: {
      template: { settings: { 'index.mapping.total_fields.limit': 3000 }, mappings: { properties: toProperties(CONFIG_FIELDS) } },
      _meta: META,
    },
  };

  // Prefixed sets get higher priorities so that a prefix starting with `log-` never has the same
  // priority as an overlapping unprefixed pattern (OpenSearch rejects that).
  const bump = prefix ? 10 : 0;
  const indexTemplates: TemplateSet['indexTemplates'] = {
    [`${prefix}log_aws`]: { index_patterns: [`${prefix}log-*`], priority: bump, composed_of: [component('log')], _meta: META },
    [`${prefix}log-aws_aws`]: { index_patterns: [`${prefix}log-aws-*`], priority: 1 + bump, composed_of: [component('log'), component('log-aws')], _meta: META },
  };
  for (const t of LOG_TYPES) {
    const composedOf = t.components.map(component);
    // `log-linux-*` covers log-linux-secure and log-linux-os, `log-win-*` log-win-event: the SIEM names those templates after the family
    const family = t.name.startsWith('log-linux-') ? 'log-linux' : t.name.startsWith('log-win-') ? 'log-win' : t.name;
    indexTemplates[`${prefix}${family}_aws`] = { index_patterns: [`${prefix}${family}-*`], priority: 2 + bump, composed_of: composedOf, _meta: META };
    // Rollover indices (`-000001`); the SIEM also sets an ISM rollover alias, which needs the ISM plugin
    indexTemplates[`${prefix}${t.name}_rollover`] = { index_patterns: [`${prefix}${t.name}-0*`], priority: 5 + bump, composed_of: composedOf, _meta: META };
  }
  return { components, indexTemplates };
}

async function exists(client: Client, kind: '_component_template' | '_index_template', name: string): Promise<boolean> {
  const res = await client.transport.request({ method: 'HEAD', path: `/${kind}/${encodeURIComponent(name)}` }, { ignore: [404] });
  return res.statusCode === 200;
}

/**
 * Creates the component and index templates that are missing (all of them with `force`).
 * Returns the names it created and those it left alone.
 */
export async function applyIndexTemplates(client: Client, opts: IndexTemplateOptions = {}): Promise<{ created: string[]; skipped: string[] }> {
  const { components, indexTemplates } = buildIndexTemplates(opts.prefix ?? '', shardSettings(opts));
  const created: string[] = [];
  const skipped: string[] = [];
  // Components first: an index template may only reference existing components.
  for (const [kind, set] of [
    ['_component_template', components],
    ['_index_template', indexTemplates],
  ] as const) {
    for (const [name, body] of Object.entries(set)) {
      if (!opts.force && (await exists(client, kind, name))) {
        skipped.push(name);
        continue;
      }
      await client.transport.request({ method: 'PUT', path: `/${kind}/${encodeURIComponent(name)}`, body });
      created.push(name);
    }
  }
  return { created, skipped };
}

/** Deletes the templates of a prefix (index templates first: they reference the components). */
export async function deleteIndexTemplates(client: Client, opts: { prefix?: string } = {}): Promise<void> {
  const { components, indexTemplates } = buildIndexTemplates(opts.prefix ?? '');
  for (const name of Object.keys(indexTemplates)) {
    await client.transport.request({ method: 'DELETE', path: `/_index_template/${encodeURIComponent(name)}` }, { ignore: [404] });
  }
  for (const name of Object.keys(components)) {
    await client.transport.request({ method: 'DELETE', path: `/_component_template/${encodeURIComponent(name)}` }, { ignore: [404] });
  }
}
