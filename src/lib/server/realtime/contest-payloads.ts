// Checks of what clients send to the contest events. Nothing a client sends is trusted: any
// shape other than the documented one is `bad_payload`.
import {
	HOST_COMMANDS,
	type AnswerRequest,
	type HostCommandName,
	type HostRequest,
	type JoinRequest,
	type WatchRequest
} from '../../contest-protocol';
import { badPayload, isPlainObject } from './ack';

const MAX_TEXT = 500;
const MAX_NAME = 40;
const MAX_TOKEN = 100;

function object(payload: unknown): Record<string, unknown> {
	if (!isPlainObject(payload)) throw badPayload();
	return payload;
}

function int(value: unknown, max = 2 ** 31 - 1): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
		throw badPayload();
	}
	return value;
}

function optionalText(value: unknown, max: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value.length > max) throw badPayload();
	return value;
}

export function contestId(value: unknown): number {
	const id = int(value);
	if (id < 1) throw badPayload();
	return id;
}

export function parseJoin(payload: unknown): JoinRequest {
	const p = object(payload);
	if (typeof p.code !== 'string' || !/^\d{6}$/.test(p.code)) throw badPayload();
	return {
		code: p.code,
		name: optionalText(p.name, MAX_NAME),
		idField: optionalText(p.idField, MAX_NAME),
		guestToken: optionalText(p.guestToken, MAX_TOKEN),
		teamId: optionalText(p.teamId, MAX_NAME)
	};
}

export function parseAnswer(payload: unknown): AnswerRequest {
	const p = object(payload);
	const { response } = p;
	if (
		typeof response !== 'boolean' &&
		(typeof response !== 'string' || response.length > MAX_TEXT)
	) {
		throw badPayload();
	}
	return {
		contestId: contestId(p.contestId),
		round: int(p.round, 1000),
		index: int(p.index, 10_000),
		response
	};
}

export function parseHost(payload: unknown): HostRequest {
	const p = object(payload);
	if (!HOST_COMMANDS.includes(p.command as HostCommandName)) throw badPayload();
	const command = p.command as HostCommandName;
	const contestantId = optionalText(p.contestantId, MAX_TOKEN);
	if (command === 'kick' && !contestantId) throw badPayload();
	return { contestId: contestId(p.contestId), command, contestantId };
}

export function parseWatch(payload: unknown): WatchRequest {
	const p = object(payload);
	if (p.view !== 'host' && p.view !== 'studio') throw badPayload();
	return { contestId: contestId(p.contestId), view: p.view };
}

export function parseContestRef(payload: unknown): { contestId: number } {
	return { contestId: contestId(object(payload).contestId) };
}
