import type { RequestHandler } from './$types';
import { buildTemplateCsv, buildTemplateXlsx } from '$lib/server/accounts/import-template';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getUnit } from '$lib/server/org/units';

function attachment(ascii: string, chinese: string): string {
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

/** The import template: XLSX by default, `?format=csv` for CSV. The example uses the actor's unit. */
export const GET: RequestHandler = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const unitCode = (await getUnit(getDb(), actor.unitId))?.code ?? '210000';
	if (event.url.searchParams.get('format') === 'csv') {
		return new Response(buildTemplateCsv(unitCode), {
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': attachment('accounts-template.csv', '账号导入模板.csv')
			}
		});
	}
	const body = await buildTemplateXlsx(unitCode);
	return new Response(body, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': attachment('accounts-template.xlsx', '账号导入模板.xlsx')
		}
	});
};
