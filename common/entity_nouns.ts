import { EntityType } from './types';

/** Each entity type as a noun in a sentence ("this finding names no access key"); the browser's labels capitalise these. */
export const ENTITY_NOUNS: Record<EntityType, string> = {
  access_key: 'access key',
  role: 'role',
  // IAM users and the accounts of a host (an SSH login) alike.
  user: 'user',
  instance: 'instance',
  ip: 'IP address',
  account: 'account',
  region: 'region',
  bucket: 'S3 bucket',
  object: 'S3 object',
  principal_arn: 'principal ARN',
  k8s_cluster: 'EKS cluster',
  k8s_namespace: 'Kubernetes namespace',
  k8s_user: 'Kubernetes user',
  k8s_workload: 'Kubernetes workload',
  container_image: 'container image',
  ecs_cluster: 'ECS cluster',
  ecs_task: 'ECS task',
  lambda_function: 'Lambda function',
  rds_instance: 'RDS instance',
  db_user: 'database user',
  domain: 'domain',
  process: 'process',
  file_hash: 'file hash',
  signal: 'attack sequence signal',
};
