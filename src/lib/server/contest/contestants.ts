// Who a contestant is across reconnects: a signed-in officer always gets the same contestant id
// in a contest (derived from the user id, so two tabs joining at once cannot make two); a guest
// gets a random token, of which only the SHA-256 is stored, that brings the same guest back.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as table from '../db/schema';

const ID_FIELD_MAX = 30;

function hashText(text: string): Uint8Array {
	return sha256(new TextEncoder().encode(text));
}

/** Stable per contest and user; reveals nothing about the user id to other contestants. */
export function userContestantId(contestId: number, userId: string): string {
	return `u${encodeBase32LowerCaseNoPadding(hashText(`${contestId}:${userId}`)).slice(0, 15)}`;
}

export function randomGuestContestantId(): string {
	return `g${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))}`;
}

/** 160 random bits, like session tokens. */
export function generateGuestToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function hashGuestToken(token: string): string {
	return encodeHexLowerCase(hashText(token));
}

/** The optional ID field (e.g. an enforcement certificate number), trimmed; null when empty. */
export function cleanIdField(raw: string | null | undefined): string | null | 'invalid' {
	const value = (raw ?? '').normalize('NFKC').trim();
	if (value === '') return null;
	return value.length > ID_FIELD_MAX ? 'invalid' : value;
}

export async function findGuest(
	db: Db,
	contestId: number,
	token: string
): Promise<table.ContestContestant | undefined> {
	const [row] = await db
		.select()
		.from(table.contestContestant)
		.where(
			and(
				eq(table.contestContestant.contestId, contestId),
				eq(table.contestContestant.guestTokenHash, hashGuestToken(token))
			)
		);
	return row;
}

export async function findUserName(db: Db, userId: string): Promise<string | undefined> {
	const [row] = await db
		.select({ name: table.user.displayName })
		.from(table.user)
		.where(eq(table.user.id, userId));
	return row?.name;
}
