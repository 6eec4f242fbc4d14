// Hot statements as named prepared statements. On the embedded PGlite, planning dominates a
// short query (the drill answer's read took 3 ms to plan and 1 ms to run), and PGlite's own
// query() always parses and plans again; a statement prepared once per database and then only
// bound and executed, in one call into PGlite, costs a fraction. postgres.js already prepares and
// caches every query per connection, so on PostgreSQL this is a plain execute.
import { createHash } from 'node:crypto';
import { PGlite, parse, protocol, type Results } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client';

const dialect = new PgDialect();
const { serialize } = protocol;

interface Statement {
	name: string;
	paramTypes: number[];
}

/** Per PGlite instance: the statements prepared in its (single) session, by SQL text. */
const prepared = new WeakMap<PGlite, Map<string, Statement>>();

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}

async function prepare(client: PGlite, text: string): Promise<Statement> {
	let statements = prepared.get(client);
	if (!statements) prepared.set(client, (statements = new Map()));
	const known = statements.get(text);
	if (known) return known;
	const name = `lb_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
	const messages = await client.execProtocolStream(
		concat([
			serialize.parse({ name, text, types: [] }),
			serialize.describe({ type: 'S', name }),
			serialize.sync()
		]),
		{ syncToFs: false }
	);
	const description = messages.find((m) => m.name === 'parameterDescription') as
		{ dataTypeIDs: number[] } | undefined;
	const statement = { name, paramTypes: description?.dataTypeIDs ?? [] };
	statements.set(text, statement);
	return statement;
}

async function runPrepared(client: PGlite, text: string, params: unknown[]): Promise<Results> {
	// The same two locks PGlite's query() takes: no statement lands inside another caller's
	// open transaction, and none interleaves with another query's protocol messages.
	return client._runExclusiveTransaction(() =>
		client.runExclusive(async () => {
			const { name, paramTypes } = await prepare(client, text);
			const values = params.map((value, i) => {
				if (value === null || value === undefined) return null;
				const serializer = client.serializers[paramTypes[i]];
				return serializer ? serializer(value) : String(value);
			});
			const messages = await client.execProtocolStream(
				concat([
					serialize.bind({ statement: name, values: values as (string | null)[] }),
					serialize.describe({ type: 'P' }),
					serialize.execute({}),
					serialize.sync()
				]),
				{ syncToFs: false }
			);
			if (!client.isInTransaction()) await client.syncToFs();
			return parse.parseResults(messages, client.parsers)[0];
		})
	);
}

/**
 * The rows of a query that runs often, in one of a few fixed shapes (each distinct SQL text stays
 * prepared for the life of the database): prepared once on PGlite, a plain execute otherwise.
 */
export async function queryPrepared<T>(db: Db, query: SQL): Promise<T[]> {
	const client = (db as { $client?: unknown }).$client;
	if (client instanceof PGlite) {
		const { sql: text, params } = dialect.sqlToQuery(query);
		return (await runPrepared(client, text, params)).rows as T[];
	}
	// postgres.js returns an array; PGlite inside a transaction an object with `rows`.
	const result = (await db.execute(query)) as unknown;
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
