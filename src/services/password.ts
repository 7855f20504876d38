import sodium from 'libsodium-wrappers-sumo';

/** Argon2id cost: passes over memory and memory in bytes (libsodium crypto_pwhash_str). */
export interface PasswordCost {
  opsLimit: number;
  memLimit: number;
}

/**
 * Argon2id, 3 passes over 64 MiB: above OWASP's minimum (19 MiB, 2 passes), and measured at 0.4 to
 * 0.5 s per hash or check on the project's loaded 2-core machine (docs/BENCHMARKS.md, "Workspace
 * API"). Logins are rare, so a guessed password costs an attacker with the database as much as we
 * can afford.
 */
export const PASSWORD_COST: PasswordCost = { opsLimit: 3, memLimit: 64 * 1024 * 1024 };

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 12;

let ready: Promise<void> | undefined;
const sodiumReady = () => (ready ??= sodium.ready);

/** The Argon2id string (algorithm, cost, salt and hash) to store for a password. */
export async function hashPassword(password: string, cost: PasswordCost = PASSWORD_COST): Promise<string> {
  await sodiumReady();
  return sodium.crypto_pwhash_str(password, cost.opsLimit, cost.memLimit);
}

/** Whether `password` matches a stored Argon2id string; false for a malformed string. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  await sodiumReady();
  try {
    return sodium.crypto_pwhash_str_verify(hash, password);
  } catch {
    return false;
  }
}
