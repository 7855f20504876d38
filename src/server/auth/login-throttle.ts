/**
 * Slows password guessing without remembering who guesses: failures are counted per user name
 * (known or not, so locking reveals nothing), and across all names, in memory only. After
 * FREE_FAILURES failures a name is locked for a minute, doubling up to a quarter of an hour; a
 * success clears it. The global limit also keeps a flood of Argon2id checks from starving the server.
 */
export interface ThrottleOptions {
  freeFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures across all names allowed per window before every login waits. */
  globalFailures: number;
  globalWindowMs: number;
}

export const LOGIN_THROTTLE: ThrottleOptions = { freeFailures: 5, firstLockMs: 60_000, maxLockMs: 15 * 60_000, globalFailures: 50, globalWindowMs: 60_000 };

interface NameState {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

const MAX_NAMES = 10_000;

export class LoginThrottle {
  private readonly names = new Map<string, NameState>();
  private globalWindowStart = 0;
  private globalCount = 0;

  constructor(private readonly options: ThrottleOptions = LOGIN_THROTTLE) {}

  /** Milliseconds to wait before this name may try again (0: go ahead). */
  waitFor(username: string, now = Date.now()): number {
    if (now - this.globalWindowStart < this.options.globalWindowMs && this.globalCount >= this.options.globalFailures) return this.globalWindowStart + this.options.globalWindowMs - now;
    const state = this.names.get(username.toLowerCase());
    return state && state.lockedUntil > now ? state.lockedUntil - now : 0;
  }

  failed(username: string, now = Date.now()): void {
    if (now - this.globalWindowStart >= this.options.globalWindowMs) {
      this.globalWindowStart = now;
      this.globalCount = 0;
    }
    this.globalCount++;
    const key = username.toLowerCase();
    const state = this.names.get(key) ?? { failures: 0, lockedUntil: 0, lastFailure: 0 };
    // A name quiet for longer than the longest lock starts afresh.
    if (now - state.lastFailure > this.options.maxLockMs) state.failures = 0;
    state.failures++;
    state.lastFailure = now;
    const over = state.failures - this.options.freeFailures;
    if (over >= 0) state.lockedUntil = now + Math.min(this.options.maxLockMs, this.options.firstLockMs * 2 ** Math.min(over, 20));
    this.names.delete(key);
    this.names.set(key, state);
    // Oldest first in a Map: forget the longest-quiet names when too many are tracked.
    while (this.names.size > MAX_NAMES) this.names.delete(this.names.keys().next().value as string);
  }

  succeeded(username: string): void {
    this.names.delete(username.toLowerCase());
  }
}
