/**
 * An `_msearch` item the security plugin refused: the user's roles do not allow reading the
 * source's indices (403 `security_exception`). That is a fact about the user, not a failure: the
 * investigation goes on without the source, and its coverage line and evidence groups say
 * "no permission" instead of the security plugin's text (which names the action, the user and
 * their backend roles).
 */
export const NO_PERMISSION = 'no permission: your roles do not allow reading these indices';

export function permissionError(item: { status?: number; error?: { type?: string; reason?: string } | string }): string | undefined {
  const type = typeof item.error === 'object' ? item.error?.type : undefined;
  return item.error && (item.status === 403 || type === 'security_exception') ? NO_PERMISSION : undefined;
}
