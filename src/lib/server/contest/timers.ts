// The automatic reveal: once a question's deadline plus the grace has passed, the hub reveals it
// by itself. Deadlines are absolute server times in the log, so a restarted process re-arms the
// same timer. With several nodes, a transaction-scoped advisory lock per contest lets one node
// write the reveal while the others back off, reload, and find it already done.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { HubCore, Room } from './hub';
import type { ContestState, QuestionRef } from './types';

const RETRY_MS = 200;

// Arbitrary namespace for pg_try_advisory_xact_lock(namespace, contest id).
const REVEAL_LOCK_NAMESPACE = 5_107_331;

class RevealLockBusy extends Error {
	constructor() {
		super('another node is revealing this question');
	}
}

interface Armed {
	due: number;
	handle: ReturnType<typeof setTimeout>;
}

export class HubTimers {
	private readonly armed = new Map<number, Armed>();
	private stopped = false;

	constructor(private readonly core: HubCore) {}

	static isLockBusy(e: unknown): boolean {
		return e instanceof RevealLockBusy;
	}

	isDue(state: ContestState, ref: QuestionRef, at: number): boolean {
		const { phase, config } = state;
		return (
			phase.name === 'question' &&
			phase.at.round === ref.round &&
			phase.at.index === ref.index &&
			at >= phase.deadline + (config?.graceMs ?? 0)
		);
	}

	/** Sets, moves or clears the room's timer to match its phase (after every batch). */
	arm(room: Room): void {
		if (this.stopped) return;
		const { phase, config } = room.state;
		const current = this.armed.get(room.id);
		if (phase.name !== 'question') {
			if (current) clearTimeout(current.handle);
			this.armed.delete(room.id);
			return;
		}
		const due = phase.deadline + (config?.graceMs ?? 0);
		if (current?.due === due) return;
		if (current) clearTimeout(current.handle);
		const ref = phase.at;
		const handle = setTimeout(() => void this.fire(room, ref), Math.max(0, due - this.core.now()));
		this.armed.set(room.id, { due, handle });
	}

	private async fire(room: Room, ref: QuestionRef): Promise<void> {
		this.armed.delete(room.id);
		if (this.stopped) return;
		try {
			const result = await this.core.enqueue(room, {
				command: { type: 'reveal' },
				at: this.core.now(),
				auto: ref
			});
			// Not revealed (clock not there yet, resumed with a later deadline, or the database was
			// busy): look again shortly; arm() does nothing when the question is closed by now.
			if (!result.ok) setTimeout(() => this.arm(room), RETRY_MS);
		} catch {
			setTimeout(() => this.arm(room), RETRY_MS);
		}
	}

	async lockForReveal(tx: Db, contestId: number): Promise<void> {
		const result = await tx.execute<{ ok: boolean }>(
			sql`select pg_try_advisory_xact_lock(${REVEAL_LOCK_NAMESPACE}, ${contestId}) as ok`
		);
		const rows = Array.isArray(result) ? result : (result as { rows: { ok: boolean }[] }).rows;
		if (!rows[0]?.ok) throw new RevealLockBusy();
	}

	clearAll(): void {
		this.stopped = true;
		for (const { handle } of this.armed.values()) clearTimeout(handle);
		this.armed.clear();
	}
}
