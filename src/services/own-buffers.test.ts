import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ownBuffers } from './own-buffers.js';

describe('ownBuffers', () => {
  it('hands over an array that is its buffer alone', () => {
    const array = new Uint8Array(5_000);
    expect(ownBuffers([array])).toEqual([array.buffer]);
  });

  it('keeps buffers that other arrays share: slices of one buffer, Node pool buffers, one array twice', () => {
    const whole = new ArrayBuffer(100);
    const first = new Uint8Array(whole, 0, 50);
    const second = new Uint8Array(whole, 50, 50);
    const pooled = Buffer.from('a small file'); // from Node's shared pool
    const twice = new Uint8Array(10);
    const own = new Uint8Array(10);
    expect(ownBuffers([first, second, pooled, twice, twice, own])).toEqual([own.buffer]);
  });

  it('keeps a buffer that only one array covers in part', () => {
    expect(ownBuffers([new Uint8Array(new ArrayBuffer(10), 0, 5)])).toEqual([]);
  });
});
