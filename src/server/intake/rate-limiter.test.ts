import { describe, it } from 'node:test';
import { expect } from 'expect';
import { RotatingRateLimiter, SpentNonces } from './rate-limiter.js';

describe('rate limits without stored addresses', () => {
  it('limits each client and everyone together, holds only keyed hashes, and forgets everything each window', () => {
    let now = 0;
    const limiter = new RotatingRateLimiter({ submit: { perClient: 2, total: 3 } }, 1000, () => now);
    expect([limiter.take('submit', '203.0.113.1'), limiter.take('submit', '203.0.113.1'), limiter.take('submit', '203.0.113.1')]).toEqual([true, true, false]);
    expect(limiter.take('submit', '203.0.113.2')).toBe(true);
    expect(limiter.take('submit', '203.0.113.3')).toBe(false);
    const held = limiter.heldKeys();
    expect(held.length).toBe(2);
    for (const key of held) expect(key).not.toContain('203.0.113');
    now = 1000;
    expect(limiter.take('submit', '203.0.113.1')).toBe(true);
    // A new salt: the same address maps to a different key than in the last window.
    expect(limiter.heldKeys().some((key) => held.includes(key))).toBe(false);
  });

  it('spends each form nonce once', () => {
    const spent = new SpentNonces(1000);
    expect(spent.spend('a', 0, 10)).toBe(true);
    expect(spent.spend('a', 0, 20)).toBe(false);
    expect(spent.spend('b', 0, 20)).toBe(true);
  });
});
