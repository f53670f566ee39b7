import type { EntityProvenance, RuleId } from './types';

/**
 * Choosing entity values by where they were seen (`PivotMatch.keep`). A credential chain must not
 * blur into the finding's own story: "what did the credentials do" stays about the finding's
 * credentials, and "what did the new credentials do" about the ones the chain found.
 */

/** The rules that follow credentials created or handed out by other credentials. */
export const CHAIN_RULES: readonly RuleId[] = ['cloudtrail.created_credentials', 'cloudtrail.key_origin'];

/** Values one of these rules found that the finding does not name itself. */
export function foundBy(...rules: RuleId[]): (seenIn: EntityProvenance) => boolean {
  return (seenIn) => !seenIn.includes('finding') && seenIn.some((s) => (rules as string[]).includes(s));
}

/** Values one of these rules found, whether or not the finding names them too. */
export function seenBy(...rules: RuleId[]): (seenIn: EntityProvenance) => boolean {
  return (seenIn) => seenIn.some((s) => (rules as string[]).includes(s));
}

/** Values the finding names or another rule found, not only these rules. */
export function notOnlyFoundBy(rules: readonly RuleId[]): (seenIn: EntityProvenance) => boolean {
  return (seenIn) => seenIn.some((s) => !(rules as readonly string[]).includes(s));
}

/** Values the finding names itself. */
export function namedByFinding(seenIn: EntityProvenance): boolean {
  return seenIn.includes('finding');
}
