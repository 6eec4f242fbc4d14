// Builds the parts of a SvelteKit RequestEvent that our loads and actions use, so route
// modules can be called directly: `await load(fakeEvent({ user }))`.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db/client';
import { createUser, type Role } from '../../src/lib/server/accounts/users';
import { getUnitByCode } from '../../src/lib/server/org/units';
import {
	validateSessionToken,
	createSession,
	generateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session';

export interface FakeEventInit {
	user?: SessionUser | null;
	url?: string;
	method?: string;
	form?: Record<string, string | Blob>;
	params?: Record<string, string>;
	address?: string;
	cookies?: Record<string, string>;
}

export function fakeEvent(init: FakeEventInit = {}) {
	const url = new URL(init.url ?? '/', 'http://localhost');
	const jar = new Map(Object.entries(init.cookies ?? {}));
	let body: FormData | undefined;
	if (init.form) {
		body = new FormData();
		for (const [k, v] of Object.entries(init.form)) body.append(k, v);
	}
	const request = new Request(url, { method: init.method ?? (body ? 'POST' : 'GET'), body });
	return {
		url,
		params: init.params ?? {},
		request,
		locals: { user: init.user ?? null, session: null },
		route: { id: url.pathname },
		getClientAddress: () => init.address ?? '127.0.0.1',
		cookies: {
			get: (name: string) => jar.get(name),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => void jar.delete(name),
			serialize: () => ''
		},
		jar
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
	} as any;
}

/** Runs a load or action and reports how it ended, so tests can assert on guards. */
export async function outcome(
	run: () => unknown
): Promise<
	| { kind: 'ok'; value: unknown }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number; message: string }
> {
	try {
		return { kind: 'ok', value: await run() };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', status: e.status, location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status, message: e.body.message };
		throw e;
	}
}

/** Creates an account in the unit with this code and returns it as the session sees it. */
export async function makeUser(
	db: Db,
	username: string,
	role: Role,
	unitCode: string,
	password = 'test-pass-1'
): Promise<SessionUser> {
	const unitRow = await getUnitByCode(db, unitCode);
	if (!unitRow) throw new Error(`no unit ${unitCode}`);
	const created = await createUser(db, {
		username,
		displayName: username,
		password,
		role,
		unitId: unitRow.id
	});
	const token = generateSessionToken();
	await createSession(db, token, created.id);
	const { user } = await validateSessionToken(db, token);
	return user!;
}
