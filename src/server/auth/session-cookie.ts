import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../model/api.js';

/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Strict (no other site's page sends
 * it), Path=/, and Secure when the request came over https or the server was told it sits behind
 * a TLS proxy (`secureCookies`).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string, secureCookies: boolean | undefined): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: secureCookies ?? request.protocol === 'https', expires: new Date(expiresAt) });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, secureCookies: boolean | undefined): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: secureCookies ?? request.protocol === 'https' });
}
