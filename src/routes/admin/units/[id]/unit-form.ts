// The three forms of a unit's page share one set of values, so a refusal can refill its form
// and point at the field that caused it.
import type { DomainError } from '$lib/server/errors';
import { field } from '$lib/server/forms';

export type Intent = 'rename' | 'move' | 'create';

export interface UnitFormValues {
	intent: Intent;
	code: string;
	nameZh: string;
	nameEn: string;
	level: string;
	region: string;
	parentId: string;
}

export function readUnitForm(data: FormData, intent: Intent): UnitFormValues {
	return {
		intent,
		code: field(data, 'code'),
		nameZh: field(data, 'nameZh'),
		nameEn: field(data, 'nameEn'),
		level: field(data, 'level'),
		region: field(data, 'region'),
		parentId: field(data, 'parentId')
	};
}

/** The input a refusal belongs to ('' when it concerns the whole form). */
export function refusalField(e: DomainError, intent: Intent): string {
	switch (e.code) {
		case 'unit_code_invalid':
		case 'unit_code_taken':
			return 'code';
		case 'unit_name_invalid':
			return String(e.params.field ?? '');
		case 'unit_level_invalid':
			return 'level';
		case 'unit_level_order':
			return intent === 'move' ? 'parentId' : 'level';
		case 'unit_move_root':
		case 'unit_move_into_self':
		case 'unit_out_of_scope':
		case 'unit_not_found':
			return intent === 'move' ? 'parentId' : '';
		default:
			return '';
	}
}
