/**
 * The memory behind these byte arrays that can be handed to another thread rather than copied:
 * each array's whole buffer, when it is the array's alone. A small file read by Node shares a pooled
 * buffer with others; such an array is copied instead, since handing over the buffer would take the
 * other arrays' memory with it. A handed-over array is empty on this side until it comes back.
 */
export function ownBuffers(arrays: readonly Uint8Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const shared = new Set<ArrayBufferLike>();
  for (const array of arrays) {
    const buffer = array.buffer;
    if (!(buffer instanceof ArrayBuffer) || array.byteOffset !== 0 || array.byteLength !== buffer.byteLength || buffers.has(buffer)) shared.add(buffer);
    else buffers.add(buffer);
  }
  return [...buffers].filter((buffer) => !shared.has(buffer));
}
