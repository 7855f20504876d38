import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { UserList } from '../../model/api.js';
import { listUsers } from '../../services/accounts.service.js';
import type { RouteContext } from './route-context.js';

/** Accounts, for administrators (they are added and changed with `chronicle users`). */
export function usersRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/users', { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'Accounts of the workspace', response: { 200: UserList } } }, async () => ({
    users: (await listUsers(store)).map((user) => ({ username: user.username, role: user.role, totp: user.totpEnabled, disabled: user.disabled, createdAt: user.createdAt })),
  }));
}
