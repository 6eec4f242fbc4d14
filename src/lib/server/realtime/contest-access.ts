// The few facts about a contest that decide who may do what over the socket. Owner unit, host
// and guest policy never change, so they are cached by id; a code is trusted for a few seconds
// only, because an ended contest's code may be given to a new one.
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import {
	canHostContest,
	getContest,
	getContestByCode,
	type ContestSummary
} from '../contest/service';

export interface ContestFacts {
	id: number;
	code: string;
	unitPath: string;
	hostId: string | null;
	allowGuests: boolean;
}

export interface Asker {
	id: string;
	role: 'officer' | 'trainer' | 'admin';
	unitPath: string;
}

const MAX_CACHED = 2_000;
const CODE_TTL_MS = 10_000;

export class ContestDirectory {
	private readonly byId = new Map<number, ContestFacts>();
	private readonly byCode = new Map<string, { id: number; until: number }>();

	constructor(private readonly getDb: () => Db) {}

	private facts(summary: ContestSummary): ContestFacts {
		const facts = {
			id: summary.id,
			code: summary.code,
			unitPath: summary.unitPath,
			hostId: summary.hostId,
			allowGuests: summary.allowGuests
		};
		if (this.byId.size >= MAX_CACHED) this.byId.clear();
		this.byId.set(summary.id, facts);
		return facts;
	}

	async get(id: number): Promise<ContestFacts | null> {
		const cached = this.byId.get(id);
		if (cached) return cached;
		const summary = await getContest(this.getDb(), id);
		return summary ? this.facts(summary) : null;
	}

	/** A contest that players may still join by this code. */
	async find(code: string, now = Date.now()): Promise<ContestFacts | null> {
		const hit = this.byCode.get(code);
		if (hit && hit.until > now) return this.get(hit.id);
		const summary = await getContestByCode(this.getDb(), code);
		if (!summary || summary.status === 'ended') return null;
		if (this.byCode.size >= MAX_CACHED) this.byCode.clear();
		this.byCode.set(code, { id: summary.id, until: now + CODE_TTL_MS });
		return this.facts(summary);
	}

	/** After the contest ended its code may be reused at once. */
	forgetCode(code: string): void {
		this.byCode.delete(code);
	}

	/** The contest, if this asker may host it; refusals say nothing more than "not allowed". */
	async requireHost(asker: Asker | null, id: number): Promise<ContestFacts> {
		if (!asker) throw new DomainError('unauthorized');
		const facts = await this.get(id);
		if (!facts) throw new DomainError('contest_not_found');
		if (!canHostContest(asker, facts)) throw new DomainError('forbidden');
		return facts;
	}
}
