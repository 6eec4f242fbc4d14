import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPasswordHash } from './password';

describe('passwords', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('zhifa-2024');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPasswordHash(hash, 'zhifa-2024')).toBe(true);
		expect(await verifyPasswordHash(hash, 'zhifa-2025')).toBe(false);
		expect(await verifyPasswordHash('not a hash', 'zhifa-2024')).toBe(false);
	});

	it.each([
		['short1', 'too_short'],
		['a'.repeat(129) + '1', 'too_long'],
		['onlyletters', 'too_weak'],
		['12345678', 'too_weak'],
		['letters123', null],
		['中文密码加符号!!', null]
	])('%s → %s', (password, expected) => {
		expect(checkPasswordStrength(password)).toBe(expected);
	});
});
