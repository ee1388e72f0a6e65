import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../domain/errors';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('refuses an account after its limit of failures, until the window passes', () => {
    let now = 0;
    const throttle = new LoginThrottle({ windowMs: 60_000, perAccount: 3, perAddress: 100 }, () => now);
    for (let i = 0; i < 3; i += 1) {
      throttle.assertAllowed('a@example.org', '1.1.1.1');
      throttle.recordFailure('a@example.org', '1.1.1.1');
    }
    expect(() => throttle.assertAllowed('a@example.org', '2.2.2.2')).toThrow(RateLimitedError);
    expect(() => throttle.assertAllowed('b@example.org', '1.1.1.1')).not.toThrow();
    now = 60_001;
    expect(() => throttle.assertAllowed('a@example.org', '1.1.1.1')).not.toThrow();
  });

  it('refuses an address that tries many accounts', () => {
    const throttle = new LoginThrottle({ windowMs: 60_000, perAccount: 100, perAddress: 2 }, () => 0);
    throttle.recordFailure('a@example.org', '9.9.9.9');
    throttle.recordFailure('b@example.org', '9.9.9.9');
    try {
      throttle.assertAllowed('c@example.org', '9.9.9.9');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterSeconds).toBe(60);
    }
  });

  it('forgets an account’s failures after a successful sign-in', () => {
    const throttle = new LoginThrottle({ windowMs: 60_000, perAccount: 1, perAddress: 100 }, () => 0);
    throttle.recordFailure('a@example.org', '1.1.1.1');
    throttle.recordSuccess('a@example.org');
    expect(() => throttle.assertAllowed('a@example.org', '1.1.1.1')).not.toThrow();
  });
});
