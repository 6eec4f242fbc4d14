import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { canEditQuestionAt, canViewQuestionAt, escapeLike, isStaff } from './scope';

function user(role: SessionUser['role'], unitPath: string): SessionUser {
	return {
		id: `${role}-${unitPath}`,
		username: 'u',
		displayName: 'u',
		role,
		unitId: 1,
		unitPath,
		unitNameZh: '',
		unitNameEn: ''
	};
}

describe('question bank scope', () => {
	const provinceTrainer = user('trainer', '/1/7/');
	const nationalAdmin = user('admin', '/1/');
	const officer = user('officer', '/1/7/');

	it('counts trainers and admins as staff, officers not', () => {
		expect(isStaff(provinceTrainer)).toBe(true);
		expect(isStaff(nationalAdmin)).toBe(true);
		expect(isStaff(officer)).toBe(false);
		expect(isStaff(null)).toBe(false);
	});

	it.each([
		['/1/7/', true, true],
		['/1/7/30/', true, true],
		['/1/8/', false, false],
		['/1/70/', false, false],
		// National questions: every staff member reads them, only national staff edit them.
		['/1/', true, false]
	])('a province trainer on a question of %s: view %s, edit %s', (path, view, edit) => {
		expect(canViewQuestionAt(provinceTrainer, path)).toBe(view);
		expect(canEditQuestionAt(provinceTrainer, path)).toBe(edit);
	});

	it('lets national staff view and edit everything', () => {
		expect(canEditQuestionAt(nationalAdmin, '/1/')).toBe(true);
		expect(canEditQuestionAt(nationalAdmin, '/1/8/40/')).toBe(true);
	});

	it('lets an officer neither view nor edit in the bank, even national questions', () => {
		expect(canViewQuestionAt(officer, '/1/')).toBe(false);
		expect(canViewQuestionAt(officer, '/1/7/')).toBe(false);
		expect(canEditQuestionAt(officer, '/1/7/')).toBe(false);
	});

	it('escapes LIKE wildcards in search text', () => {
		expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
	});
});
