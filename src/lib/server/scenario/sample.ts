// A small valid scenario: the editor's starting template and the tests' fixture. Evidence
// collected at d1 unlocks the penalty at d2.
import type { ScenarioGraph } from './types';

export function sampleScenario(slug = 'sample-case'): ScenarioGraph {
	return {
		format: 'lianbing-scenario',
		version: 1,
		slug,
		title: '样例案件',
		summary: '测试用情景',
		topic: '执法质量提升',
		difficulty: 2,
		legalBasis: ['《中华人民共和国行政处罚法》第五十五条'],
		start: 'intro',
		nodes: {
			intro: {
				kind: 'content',
				title: '到达现场',
				body: '你到达企业门口。',
				documents: [{ title: '举报记录', body: '夜间排放异味废水。' }],
				next: 'd1'
			},
			d1: {
				kind: 'decision',
				prompt: '先做什么？',
				choices: [
					{
						id: 'd1-a',
						label: '出示证件并取证',
						next: 'd2',
						score: 10,
						feedback: '先亮证再检查。',
						legalBasis: '《中华人民共和国行政处罚法》第五十五条',
						set: { evidence: true },
						requires: {}
					},
					{
						id: 'd1-b',
						label: '直接离开',
						next: 'd2',
						score: -5,
						feedback: '未履行检查职责。',
						legalBasis: '《中华人民共和国环境保护法》第二十四条',
						set: {},
						requires: {}
					}
				]
			},
			d2: {
				kind: 'decision',
				prompt: '接下来？',
				choices: [
					{
						id: 'd2-a',
						label: '依法立案处罚',
						next: 'end-a',
						score: 10,
						feedback: '证据确凿，依法处罚。',
						legalBasis: '《中华人民共和国行政处罚法》第五十四条',
						set: {},
						requires: { evidence: true }
					},
					{
						id: 'd2-b',
						label: '口头警告了事',
						next: 'end-c',
						score: 0,
						feedback: '未依法处理。',
						legalBasis: '《中华人民共和国行政处罚法》第五十四条',
						set: {},
						requires: {}
					}
				]
			},
			'end-a': { kind: 'ending', grade: 'A', title: '依法办结', debrief: '复盘：程序合法。' },
			'end-c': { kind: 'ending', grade: 'C', title: '草草收场', debrief: '复盘：未依法处理。' }
		}
	};
}
