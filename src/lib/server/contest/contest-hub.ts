// ContestHub: the one object per process through which live contests are read and changed
// (socket handlers call it; see hub.ts for how batches are written and timers.ts for the
// automatic reveal).
import { eq } from 'drizzle-orm';
import * as table from '../db/schema';
import type { Command } from './engine';
import {
	cleanIdField,
	findGuest,
	findUserName,
	generateGuestToken,
	hashGuestToken,
	randomGuestContestantId,
	userContestantId
} from './contestants';
import { HubCore, type ExecuteResult } from './hub';
import type { ContestState } from './types';

export type JoinWho =
	| { userId: string; teamId?: string | null }
	| { guestToken?: string; name: string; idField?: string | null; teamId?: string | null };

export type JoinResult = { contestantId: string; guestToken?: string } | { code: string };

export class ContestHub extends HubCore {
	/** The folded state, cached; rebuilt from contest_event on a miss (and caught up, shared). */
	async state(contestId: number): Promise<ContestState> {
		const room = await this.room(contestId);
		return room ? this.current(room) : this.emptyState();
	}

	/**
	 * Decides the command at the current server time, stores its events and only then resolves.
	 * Contests are created by createContest only; `start` always uses questions drawn here.
	 */
	async execute(contestId: number, command: Command): Promise<ExecuteResult> {
		const at = this.now();
		if (command.type === 'create') return { ok: false, code: 'contest_exists' };
		const room = await this.room(contestId);
		if (!room) return { ok: false, code: 'contest_not_found' };
		return this.enqueue(room, { command, at });
	}

	/** Joins or rejoins; the same officer or guest token always comes back as the same contestant. */
	async join(contestId: number, who: JoinWho): Promise<JoinResult> {
		const at = this.now();
		const room = await this.room(contestId);
		if (!room) return { code: 'contest_not_found' };
		const teamId = who.teamId ?? null;
		if ('userId' in who) {
			const name = await findUserName(this.db, who.userId);
			if (name === undefined) return { code: 'contest_not_joined' };
			const contestantId = userContestantId(contestId, who.userId);
			const result = await this.enqueue(room, {
				at,
				command: {
					type: 'join',
					contestantId,
					name: name.slice(0, 20),
					userId: who.userId,
					teamId
				},
				join: {
					contestantId,
					userId: who.userId,
					guestTokenHash: null,
					name: name.slice(0, 20),
					idField: null,
					teamId
				}
			});
			return result.ok ? { contestantId } : { code: result.code };
		}
		if (who.guestToken) {
			const known = await findGuest(this.db, contestId, who.guestToken);
			if (known) {
				const command: Command = {
					type: 'join',
					contestantId: known.contestantId,
					name: known.name,
					userId: null,
					teamId: known.teamId
				};
				const result = await this.enqueue(room, { at, command });
				return result.ok
					? { contestantId: known.contestantId, guestToken: who.guestToken }
					: { code: result.code };
			}
		}
		const idField = cleanIdField(who.idField);
		if (idField === 'invalid') return { code: 'contest_id_field_invalid' };
		const guestToken = generateGuestToken();
		const contestantId = randomGuestContestantId();
		const name = (who.name ?? '').normalize('NFKC').trim();
		const result = await this.enqueue(room, {
			at,
			command: { type: 'join', contestantId, name, userId: null, teamId },
			join: {
				contestantId,
				userId: null,
				guestTokenHash: hashGuestToken(guestToken),
				name,
				idField,
				teamId
			}
		});
		return result.ok ? { contestantId, guestToken } : { code: result.code };
	}

	/** On start-up: load the running contests and re-arm their automatic reveals. */
	async recover(): Promise<number[]> {
		const rows = await this.db
			.select({ id: table.contest.id })
			.from(table.contest)
			.where(eq(table.contest.status, 'running'));
		const ids: number[] = [];
		for (const { id } of rows) {
			const room = await this.room(id);
			if (!room) continue;
			this.timers.arm(room);
			if (room.state.phase.name === 'question') ids.push(id);
		}
		return ids;
	}
}
