import { z } from 'zod';
import { Instant } from './ids.js';

/**
 * What an account may do. viewer: read everything; analyst: also review claims and regroup
 * incidents; admin: also manage accounts. Checked in one place on the server (src/server/auth).
 */
export const Role = z.enum(['viewer', 'analyst', 'admin']);
export type Role = z.infer<typeof Role>;

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Whether `role` includes everything `needed` may do. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** A user name: lower-case letters, digits, dot, dash, underscore; it is what the audit log records. */
export const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'a user name is 2–32 lower-case letters, digits, ".", "-" or "_", starting with a letter or digit');

/** An account of the workspace. The password hash and TOTP secret never leave the store layer's callers. */
export const User = z.object({
  username: Username,
  role: Role,
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: Instant,
});
export type User = z.infer<typeof User>;
