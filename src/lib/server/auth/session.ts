// Sessions the Lucia way: the cookie holds a random token (160 bits, base32), the database
// holds only sha256(token) as the session id. Expiry slides: a session used in the second half
// of its life is extended to a full period again.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';

export const SESSION_COOKIE = 'lianbing_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export type SessionUser = Pick<
	table.User,
	'id' | 'username' | 'displayName' | 'role' | 'unitId'
> & { unitPath: string; unitNameZh: string; unitNameEn: string };

export type SessionValidationResult =
	{ session: table.Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	now = new Date()
): Promise<table.Session> {
	const session: table.Session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
		createdAt: now
	};
	await db.insert(table.session).values(session);
	return session;
}

export async function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<SessionValidationResult> {
	const sessionId = sessionIdFromToken(token);
	const [row] = await db
		.select({
			session: table.session,
			user: {
				id: table.user.id,
				username: table.user.username,
				displayName: table.user.displayName,
				role: table.user.role,
				unitId: table.user.unitId,
				unitPath: table.unit.path,
				unitNameZh: table.unit.nameZh,
				unitNameEn: table.unit.nameEn
			}
		})
		.from(table.session)
		.innerJoin(table.user, eq(table.session.userId, table.user.id))
		.innerJoin(table.unit, eq(table.user.unitId, table.unit.id))
		.where(eq(table.session.id, sessionId));
	if (!row) return { session: null, user: null };

	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(table.session).where(eq(table.session.id, session.id));
		return { session: null, user: null };
	}
	if (session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db
			.update(table.session)
			.set({ expiresAt: session.expiresAt })
			.where(eq(table.session.id, session.id));
	}
	return { session, user };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(table.session).where(eq(table.session.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.delete(table.session).where(eq(table.session.userId, userId));
}
