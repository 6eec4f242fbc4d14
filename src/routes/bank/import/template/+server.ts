import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { buildTemplateCsv } from '$lib/server/bank/io/csv';
import { buildTemplateXlsx } from '$lib/server/bank/io/xlsx';

function attachment(ascii: string, chinese: string): string {
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

/** The question import template: XLSX (with a sheet of instructions) by default, `?format=csv` for CSV. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'trainer', 'admin');
	if (event.url.searchParams.get('format') === 'csv') {
		return new Response(buildTemplateCsv(), {
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': attachment('questions-template.csv', '试题导入模板.csv')
			}
		});
	}
	return new Response(await buildTemplateXlsx(), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': attachment('questions-template.xlsx', '试题导入模板.xlsx')
		}
	});
};
