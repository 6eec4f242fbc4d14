// The contest service: what routes and socket handlers use. Creating a contest writes its row
// and its first event (`created`) in one transaction; everything after that goes through the
// ContestHub. Questions for random-draw rounds are drawn when the host starts.
import { randomInt } from 'node:crypto';
import type { Db } from '../db/client';
import * as table from '../db/schema';
import type { SessionUser } from '../auth/session';
import { isStaff } from '../bank/scope';
import { DomainError } from '../errors';
import { checkDraft, type ContestDraft, type DraftProblem } from './draft';
import { pinDraft } from './draw';
import { violatedConstraint } from './store';
import type { ContestConfig } from './types';

export { ContestHub, type JoinResult, type JoinWho } from './contest-hub';
export type { ExecuteResult, HubOptions } from './hub';
export type { ContestDraft, DraftRound, DraftDraw, DraftProblem } from './draft';
export {
	canHostContest,
	getContest,
	getContestByCode,
	mayHostContest,
	type ContestSummary
} from './summary';
export { getResults, type ContestResults } from './results';
export { exportResultsXlsx } from './results-xlsx';

/** Answers this late after the deadline still count: network jitter, not a head start. */
export const CONTEST_GRACE_MS = 500;

/** Carries every problem of the draft, so the builder can show each next to its field. */
export class ContestDraftError extends DomainError {
	constructor(readonly problems: DraftProblem[]) {
		super('contest_draft_invalid', { count: problems.length });
		this.name = 'ContestDraftError';
	}
}

function cleanDraft(draft: ContestDraft): ContestDraft {
	return {
		...draft,
		title: draft.title.normalize('NFKC').trim(),
		teams: draft.teams.map((t) => t.normalize('NFKC').trim()),
		rounds: draft.rounds.map((r) => ({ ...r, title: r.title.normalize('NFKC').trim() }))
	};
}

function lobbyConfig(draft: ContestDraft): ContestConfig {
	return {
		title: draft.title,
		rounds: draft.rounds.map((r) => ({
			kind: 'compulsory',
			title: r.title,
			questions: [],
			limitMs: r.limitSeconds * 1000,
			speedWeighted: r.speedWeighted,
			streak: null
		})),
		allowGuests: draft.allowGuests,
		allowLateJoin: draft.allowLateJoin,
		graceMs: CONTEST_GRACE_MS,
		podiumSize: draft.podiumSize,
		teams: draft.teams.map((name, i) => ({ id: `t${i + 1}`, name }))
	};
}

function randomCode(): string {
	return String(randomInt(100_000, 1_000_000));
}

/** A new contest in the lobby, owned by the actor's unit, hosted by the actor. */
export async function createContest(
	db: Db,
	actor: SessionUser,
	input: ContestDraft
): Promise<{ id: number; code: string }> {
	if (!isStaff(actor)) throw new DomainError('forbidden');
	const cleaned = cleanDraft(input);
	const problems = checkDraft(cleaned);
	if (problems.length > 0) throw new ContestDraftError(problems);
	const pinned = await pinDraft(db, actor.unitPath, cleaned);
	if (pinned.problems.length > 0) throw new ContestDraftError(pinned.problems);
	const draft = pinned.draft;
	const config = lobbyConfig(draft);
	for (let attempt = 1; ; attempt++) {
		const code = randomCode();
		try {
			return await db.transaction(async (tx) => {
				const [row] = await tx
					.insert(table.contest)
					.values({ code, title: draft.title, unitId: actor.unitId, hostId: actor.id, draft })
					.returning({ id: table.contest.id, createdAt: table.contest.createdAt });
				await tx.insert(table.contestEvent).values({
					contestId: row.id,
					seq: 1,
					type: 'created',
					payload: { config },
					at: row.createdAt
				});
				return { id: row.id, code };
			});
		} catch (e) {
			// Another live contest holds this code: draw another.
			if (violatedConstraint(e) !== 'contest_code_live_unique' || attempt >= 20) throw e;
		}
	}
}
