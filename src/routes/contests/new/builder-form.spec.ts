import { describe, expect, it } from 'vitest';
import {
	emptyBuilder,
	readBuilderForm,
	toDraft,
	withoutPick,
	withoutRound,
	withPick,
	withRound
} from './builder-form';

const title = (n: number) => `第${n}轮`;

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
}

describe('builder form', () => {
	it('reads rounds, picks and switches from the posted fields', () => {
		const v = readBuilderForm(
			form({
				title: ' 技能比武 ',
				allowGuests: 'on',
				podiumSize: '5',
				teams: '新疆队\n\n辽宁队\n',
				roundCount: '2',
				'r0.title': '必答一',
				'r0.limitSeconds': '15',
				'r0.points': '500',
				'r0.speed': 'on',
				'r0.picks': '3,x,7,3,-1',
				'r0.drawCount': '0',
				'r1.title': '必答二',
				'r1.limitSeconds': '30',
				'r1.points': '1000',
				'r1.streak': 'on',
				'r1.drawCount': '5',
				'r1.drawTopic': '执法质量提升',
				'r1.drawMin': '2',
				'r1.drawMax': '4'
			})
		);
		expect(v.allowGuests).toBe(true);
		expect(v.allowLateJoin).toBe(false);
		expect(v.rounds[0].picks).toEqual([3, 7]);
		const draft = toDraft(v);
		expect(draft.teams).toEqual(['新疆队', '辽宁队']);
		expect(draft.rounds[0]).toMatchObject({
			limitSeconds: 15,
			points: 500,
			speedWeighted: true,
			streak: false,
			draw: null
		});
		expect(draft.rounds[1].draw).toEqual({
			topic: '执法质量提升',
			minDifficulty: 2,
			maxDifficulty: 4,
			count: 5
		});
	});

	it('turns empty or non-numeric fields into NaN for the draft check to report', () => {
		const draft = toDraft(readBuilderForm(form({ roundCount: '1', 'r0.limitSeconds': 'abc' })));
		expect(draft.rounds[0].limitSeconds).toBeNaN();
		expect(draft.rounds[0].draw?.count).toBeNaN();
	});

	it('keeps between one and ten rounds, whatever the post claims', () => {
		expect(readBuilderForm(form({ roundCount: '500' })).rounds).toHaveLength(10);
		expect(readBuilderForm(form({ roundCount: '-3' })).rounds).toHaveLength(1);
		let v = emptyBuilder(title);
		expect(withoutRound(v, 0).rounds).toHaveLength(1);
		v = withRound(v, title);
		expect(v.rounds.map((r) => r.title)).toEqual(['第1轮', '第2轮']);
		v = { ...v, search: { ...v.search, round: '1' } };
		expect(withoutRound(v, 0).search.round).toBe('0');
	});

	it('picks a question once in the whole contest and removes it again', () => {
		let v = withRound(emptyBuilder(title), title);
		v = withPick(v, 1, 42);
		expect(withPick(v, 0, 42)).toBe(v);
		expect(v.rounds[1].picks).toEqual([42]);
		expect(withoutPick(v, 1, 42).rounds[1].picks).toEqual([]);
	});
});
