import { HttpError } from './errors';

/**
 * The time one request may spend on OpenSearch, all calls together (OSD's `opensearch.requestTimeout`,
 * 30 s by default). The plugin's own reads pass what is left to the client; the saved objects
 * client takes no per-call timeout (its client retries a timed-out call three times), so its calls
 * are raced against the budget instead.
 */
export class RequestBudget {
  private readonly deadline: number;

  constructor(readonly totalMs: number, private readonly now: () => number = Date.now) {
    this.deadline = now() + totalMs;
  }

  remainingMs(): number {
    return this.deadline - this.now();
  }

  exceeded(what = ''): HttpError {
    return new HttpError(504, `OpenSearch did not answer within ${Math.round(this.totalMs / 100) / 10} s${what}; try again, or narrow the time range`);
  }

  /** `call`'s result, or a 504 once the budget is spent (the call itself is left to finish or fail on its own). */
  async race<T>(call: Promise<T>, what = ''): Promise<T> {
    const left = this.remainingMs();
    if (left <= 0) {
      call.catch(() => undefined);
      throw this.exceeded(what);
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(this.exceeded(what)), left);
    });
    call.catch(() => undefined);
    try {
      return await Promise.race([call, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}
