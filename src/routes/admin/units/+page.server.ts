import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUnitTree } from '$lib/server/org/unit-tree';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const search = (event.url.searchParams.get('q') ?? '').trim().slice(0, 60);
	const page = Number(event.url.searchParams.get('page')) || 1;
	const tree = await listUnitTree(getDb(), { rootPath: user.unitPath, search, page });
	return { ...tree, search };
};
