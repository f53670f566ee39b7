/** The message to show for a failed `core.http` call: the server's own words when it sent some. */
export function errorMessage(error: unknown): string {
  const body = (error as { body?: unknown } | null)?.body;
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

/** A request we cancelled ourselves (the user moved on); not worth a toast. */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'AbortError';
}

/** The HTTP status of a failed `core.http` call (from the response, or the error body), if any. */
export function errorStatus(error: unknown): number | undefined {
  const e = error as { response?: { status?: number }; body?: { statusCode?: unknown } } | null;
  if (typeof e?.response?.status === 'number') return e.response.status;
  return typeof e?.body?.statusCode === 'number' ? e.body.statusCode : undefined;
}
