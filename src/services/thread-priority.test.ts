import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { expect } from 'expect';
import { BACKGROUND_NICENESS, currentThreadId, lowerThreadPriority } from './thread-priority.js';

const linux = existsSync('/proc/thread-self');

// A thread that says its own kernel id and nice value when asked.
const REPORTER = `
  const { parentPort } = require('node:worker_threads');
  const { readlinkSync } = require('node:fs');
  const { getPriority } = require('node:os');
  parentPort.on('message', () => {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    parentPort.postMessage({ tid, nice: getPriority(tid) });
  });`;

describe('lowerThreadPriority', { skip: linux ? false : 'thread priorities are set through /proc/thread-self (Linux)' }, () => {
  it('lowers the calling thread by BACKGROUND_NICENESS steps, and no other thread', async () => {
    const other = new Worker(REPORTER, { eval: true });
    const ask = () => new Promise<{ tid: number; nice: number }>((resolve) => { other.once('message', resolve); other.postMessage(null); });
    try {
      const self = currentThreadId() as number;
      const before = getPriority(self);
      const otherBefore = await ask();
      expect(otherBefore.tid).not.toBe(self);

      // This test's own thread is the one lowered: the test process ends with the file.
      expect(lowerThreadPriority()).toBe(before < 19);
      expect(getPriority(self)).toBe(Math.min(19, before + BACKGROUND_NICENESS));
      expect((await ask()).nice).toBe(otherBefore.nice);
    } finally {
      await other.terminate();
    }
  });
});
