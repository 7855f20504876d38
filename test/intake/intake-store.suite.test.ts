import { after, describe, it } from 'node:test';
import { expect } from 'expect';
import { loadSodium } from '../../src/intake/sodium.js';
import { IntakeService } from '../../src/services/intake.service.js';
import { Store } from '../../src/store/store.js';
import { storeTargets } from '../store-targets.js';
import { FAST_KDF } from './intake-helpers.js';

for (const target of storeTargets()) {
  describe(`intake store (${target.name})`, () => {
    after(() => target.cleanup());

    it('stores sealed submissions, follow-ups and replies, and expires what nobody kept', async () => {
      const sodium = await loadSodium();
      const store = await Store.open(await target.create());
      let now = new Date('2026-11-23T22:59:59Z');
      try {
        const service = await IntakeService.create(store, { receiptKdf: FAST_KDF, retentionDays: 30, now: () => now });
        const org = sodium.crypto_box_keypair();
        await service.setPublicKey(org.publicKey);
        const files = [{ info: { name: 'a.txt', mediaType: 'text/plain', size: 3, variant: 'as_sent' as const, locationFound: false, metadataRemoved: false }, bytes: new TextEncoder().encode('abc') }];
        const base = { version: 1 as const, language: 'en' as const, when: '', where: '', who: '', howKnown: '', contact: '' };
        const first = await service.submitPlain(org.publicKey, { ...base, what: 'first' }, files);
        const second = await service.submitPlain(org.publicKey, { ...base, what: 'second' }, []);
        const summaries = await service.list();
        expect(summaries.map((summary) => [summary.createdOn, summary.expiresOn])).toEqual([
          ['2026-11-23', '2026-12-23'],
          ['2026-11-23', '2026-12-23'],
        ]);
        expect((await service.open(first.id, org)).attachments[0]?.info.name).toBe('a.txt');
        expect(await service.followUp(first.receipt, 'more detail')).toEqual({ ok: true, replies: [], sentByReporter: 1 });
        await service.reply(first.id, 'thanks');
        expect(await service.followUp(first.receipt, null)).toEqual({ ok: true, replies: [{ text: 'thanks', day: '2026-11-23' }], sentByReporter: 1 });
        expect(await service.followUp(second.receipt.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10)), null)).toEqual({ ok: false });
        expect((await service.open(first.id, org)).messages.map((message) => [message.from, message.text])).toEqual([
          ['reporter', 'more detail'],
          ['analyst', 'thanks'],
        ]);
        await service.keep(second.id);
        // Kept through its expiry day (30 days after arrival), destroyed the day after.
        now = new Date('2026-12-23T23:59:59Z');
        expect(await service.expire()).toBe(0);
        now = new Date('2026-12-24T00:00:00Z');
        expect(await service.expire()).toBe(1);
        expect((await service.list()).map((summary) => summary.id)).toEqual([second.id]);
        expect(await service.followUp(first.receipt, null)).toEqual({ ok: false });
      } finally {
        await store.close();
      }
    });
  });
}
