import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'express';
import { SESSION_LIFETIME_DAYS } from '../services/auth/credentials';

/**
 * The studio's session travels in an HTTP-only, SameSite=Lax cookie (not readable by scripts, not sent on
 * cross-site POSTs); API clients send the same kind of secret as a bearer token instead.
 */
export const SESSION_COOKIE = 'usm_session';

export function secretFromRequest(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return cookieValue(request.headers.cookie, SESSION_COOKIE);
}

/**
 * A presentation's share token, sent as `Authorization: Share <token>` by trainees who follow it without
 * an account (the session cookie, if any, still counts beside it).
 */
export function shareTokenFromRequest(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Share ')) return header.slice('Share '.length).trim() || null;
  return null;
}

export function setSessionCookie(response: Response, secret: string): void {
  response.cookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: response.req.secure,
    path: '/',
    maxAge: SESSION_LIFETIME_DAYS * 86_400_000,
  });
}

export function clearSessionCookie(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
