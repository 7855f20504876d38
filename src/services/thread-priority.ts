import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than its process a background thread runs, in nice steps (nice values go from -20 to 19). */
export const BACKGROUND_NICENESS = 10;
const LOWEST = 19;

/**
 * The kernel's id of the calling thread, or null where the system does not say (not Linux).
 * `/proc/thread-self` links to `<pid>/task/<tid>`.
 */
export function currentThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lower the scheduling priority of the calling thread only. On Linux a nice value belongs to a
 * thread, and setpriority(2) given a thread's id changes that thread alone; raising one's own nice
 * value needs no privilege. The step is relative, so a run started with `nice` stays below its
 * own starting point. Elsewhere this does nothing. Returns whether the priority was lowered.
 */
export function lowerThreadPriority(steps = BACKGROUND_NICENESS): boolean {
  const tid = currentThreadId();
  if (tid === null) return false;
  try {
    const current = getPriority(tid);
    if (current >= LOWEST) return false;
    setPriority(tid, Math.min(LOWEST, current + steps));
    return true;
  } catch {
    return false;
  }
}
