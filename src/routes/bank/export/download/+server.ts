import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { exportBank, type ExportFilter } from '$lib/server/bank/io/export';
import { bankFormats, type BankFormat } from '$lib/server/bank/io/types';
import { getDb } from '$lib/server/db';

const STATUSES: ExportFilter['status'][] = ['active', 'published', 'all'];

/**
 * The questions the staff member can see (own unit and below, plus the national bank), as a
 * download: `?format=xlsx|csv|gift|json&status=active|published|all`.
 */
export const GET: RequestHandler = async (event) => {
	const actor = requireRole(event, 'trainer', 'admin');
	const params = event.url.searchParams;
	const format = (params.get('format') ?? 'xlsx') as BankFormat;
	const status = (params.get('status') ?? 'active') as ExportFilter['status'];
	if (!bankFormats.includes(format) || !STATUSES.includes(status))
		error(400, { message: 'bad_request' });
	const file = await exportBank(getDb(), format, { scope: actor.unitPath, status });
	const date = new Date().toISOString().slice(0, 10);
	const name = `lianbing-bank-${date}.${file.extension}`;
	return new Response(file.body, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${name}"`,
			'X-Question-Count': String(file.count),
			'X-Questions-Skipped': String(file.skipped)
		}
	});
};
