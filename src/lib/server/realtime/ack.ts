// One way to answer every client event: find the ack callback wherever the client put it,
// run the handler, and acknowledge `{ data }` or `{ error: { code, message } }`.
import type { Socket } from 'socket.io';
import type { Ack, AckError, ClientToServerEvents } from '../../realtime-protocol';
import { DomainError, isDomainError } from '../errors';
import { translateError, type Locale } from '../i18n';
import { log } from '../log';
import type { AppSocket } from './handler';

type EventName = keyof ClientToServerEvents;

/** The `T` of the `Ack<T>` that answers event `E`. */
export type AckData<E extends EventName> =
	Parameters<ClientToServerEvents[E]> extends [...unknown[], (res: Ack<infer T>) => void]
		? T
		: never;

export function errorAck(err: unknown, locale: Locale): AckError {
	if (isDomainError(err)) {
		return { error: { code: err.code, message: translateError(err.code, err.params, locale) } };
	}
	return { error: { code: 'internal', message: translateError('internal', {}, locale) } };
}

/**
 * Registers `run` for `event`. The payload is whatever the client sent first (never trusted:
 * `run` validates it); a client that sends no payload still gets its ack, and a client that
 * passes no ack callback just gets no answer.
 */
export function onEvent<E extends EventName>(
	socket: AppSocket,
	event: E,
	run: (payload: unknown) => AckData<E> | Promise<AckData<E>>
): void {
	(socket as unknown as Socket).on(event as string, async (...args: unknown[]) => {
		const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: unknown) => void) : null;
		let response: Ack<AckData<E>>;
		try {
			response = { data: await run(args[0]) };
		} catch (err) {
			if (!isDomainError(err)) log.error('socket event failed', { err, event, socket: socket.id });
			response = errorAck(err, socket.data.locale);
		}
		ack?.(response);
	});
}

export function badPayload(): DomainError {
	return new DomainError('bad_payload');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
