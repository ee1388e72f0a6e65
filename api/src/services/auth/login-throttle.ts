import { RateLimitedError } from '../../domain/errors';

/**
 * Slows down password guessing: after too many failed logins for one account, or from one address,
 * within a window, further attempts are refused until the window has passed. Kept in memory: one API
 * process sees its own attempts (several processes would each allow the limit — documented).
 */
export interface ThrottleLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMs: 15 * 60_000, perAccount: 10, perAddress: 30 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  assertAllowed(email: string, address: string): void {
    for (const [key, limit] of this.keys(email, address)) {
      const recent = this.recent(key);
      if (recent.length >= limit) {
        const retryAfterSeconds = Math.ceil((recent[0]! + this.limits.windowMs - this.now()) / 1000);
        throw new RateLimitedError(
          `Too many failed sign-ins. Wait ${retryAfterSeconds} seconds before trying again.`,
          retryAfterSeconds,
        );
      }
    }
  }

  recordFailure(email: string, address: string): void {
    for (const [key] of this.keys(email, address)) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private keys(email: string, address: string): [string, number][] {
    return [
      [`account:${email}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress],
    ];
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}
