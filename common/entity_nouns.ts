import { i18n } from '@osd/i18n';
import { EntityType } from './types';

/**
 * Each entity type as a noun in a sentence ("this finding names no access key"); the browser's
 * labels capitalise these. Read when used: OSD's locale (server: `i18n.locale`; browser: the page's).
 */
export const ENTITY_NOUNS: Record<EntityType, string> = {
  get access_key() {
    return i18n.translate('siemInvestigations.entity.access_key', { defaultMessage: 'access key' });
  },
  get role() {
    return i18n.translate('siemInvestigations.entity.role', { defaultMessage: 'role' });
  },
  // IAM users and the accounts of a host (an SSH login) alike.
  get user() {
    return i18n.translate('siemInvestigations.entity.user', { defaultMessage: 'user' });
  },
  get instance() {
    return i18n.translate('siemInvestigations.entity.instance', { defaultMessage: 'instance' });
  },
  get ip() {
    return i18n.translate('siemInvestigations.entity.ip', { defaultMessage: 'IP address' });
  },
  get account() {
    return i18n.translate('siemInvestigations.entity.account', { defaultMessage: 'account' });
  },
  get region() {
    return i18n.translate('siemInvestigations.entity.region', { defaultMessage: 'region' });
  },
  get bucket() {
    return i18n.translate('siemInvestigations.entity.bucket', { defaultMessage: 'S3 bucket' });
  },
  get object() {
    return i18n.translate('siemInvestigations.entity.object', { defaultMessage: 'S3 object' });
  },
  get principal_arn() {
    return i18n.translate('siemInvestigations.entity.principal_arn', { defaultMessage: 'principal ARN' });
  },
  get k8s_cluster() {
    return i18n.translate('siemInvestigations.entity.k8s_cluster', { defaultMessage: 'EKS cluster' });
  },
  get k8s_namespace() {
    return i18n.translate('siemInvestigations.entity.k8s_namespace', { defaultMessage: 'Kubernetes namespace' });
  },
  get k8s_user() {
    return i18n.translate('siemInvestigations.entity.k8s_user', { defaultMessage: 'Kubernetes user' });
  },
  get k8s_workload() {
    return i18n.translate('siemInvestigations.entity.k8s_workload', { defaultMessage: 'Kubernetes workload' });
  },
  get container_image() {
    return i18n.translate('siemInvestigations.entity.container_image', { defaultMessage: 'container image' });
  },
  get ecs_cluster() {
    return i18n.translate('siemInvestigations.entity.ecs_cluster', { defaultMessage: 'ECS cluster' });
  },
  get ecs_task() {
    return i18n.translate('siemInvestigations.entity.ecs_task', { defaultMessage: 'ECS task' });
  },
  get lambda_function() {
    return i18n.translate('siemInvestigations.entity.lambda_function', { defaultMessage: 'Lambda function' });
  },
  get rds_instance() {
    return i18n.translate('siemInvestigations.entity.rds_instance', { defaultMessage: 'RDS instance' });
  },
  get db_user() {
    return i18n.translate('siemInvestigations.entity.db_user', { defaultMessage: 'database user' });
  },
  get domain() {
    return i18n.translate('siemInvestigations.entity.domain', { defaultMessage: 'domain' });
  },
  get process() {
    return i18n.translate('siemInvestigations.entity.process', { defaultMessage: 'process' });
  },
  get file_hash() {
    return i18n.translate('siemInvestigations.entity.file_hash', { defaultMessage: 'file hash' });
  },
  get signal() {
    return i18n.translate('siemInvestigations.entity.signal', { defaultMessage: 'attack sequence signal' });
  },
};
