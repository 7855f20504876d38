import { createHmac, randomBytes } from 'node:crypto';

/** How many requests of a kind one client, and everyone together, may make per window. */
export interface RateLimit {
  perClient: number;
  total: number;
}

/**
 * Rate limits that store no address. A client is known only by HMAC(salt, address), held in
 * memory; the salt is drawn at random and replaced, with every count, at the end of each window.
 * So the process never holds an address longer than a request, a memory dump yields only keyed
 * hashes valid for one window, and nothing reaches disk or the log. Behind Tor every reporter
 * shares one address, so the totals (and proof of work) are what protect the service there.
 */
export class RotatingRateLimiter<Kind extends string> {
  private salt = randomBytes(32);
  private counts = new Map<string, number>();
  private totals = new Map<Kind, number>();
  private windowEnds: number;

  constructor(
    private readonly limits: Record<Kind, RateLimit>,
    private readonly windowMs = 10 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {
    this.windowEnds = now() + windowMs;
  }

  private rotate(): void {
    const time = this.now();
    if (time < this.windowEnds) return;
    this.salt = randomBytes(32);
    this.counts = new Map();
    this.totals = new Map();
    this.windowEnds = time + this.windowMs;
  }

  /** Count one request of `kind` from `address`; false when over a limit (the request is not counted). */
  take(kind: Kind, address: string): boolean {
    this.rotate();
    const limit = this.limits[kind];
    const key = `${kind}:${createHmac('sha256', this.salt).update(address).digest('base64url').slice(0, 22)}`;
    const mine = this.counts.get(key) ?? 0;
    const total = this.totals.get(kind) ?? 0;
    if (mine >= limit.perClient || total >= limit.total) return false;
    this.counts.set(key, mine + 1);
    this.totals.set(kind, total + 1);
    return true;
  }

  /** For tests: the keys held (never addresses). */
  heldKeys(): string[] {
    return [...this.counts.keys()];
  }
}

/** Spent form-token nonces, until their tokens would have expired anyway. In memory only. */
export class SpentNonces {
  private readonly spent = new Map<string, number>();

  constructor(private readonly lifetimeMs: number) {}

  /** Mark a nonce spent; false when it already was. */
  spend(nonce: string, issuedAtMs: number, nowMs: number): boolean {
    if (this.spent.size > 10_000) for (const [key, expires] of this.spent) if (expires < nowMs) this.spent.delete(key);
    if (this.spent.has(nonce)) return false;
    this.spent.set(nonce, issuedAtMs + this.lifetimeMs);
    return true;
  }
}
