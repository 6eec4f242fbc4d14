// Lists every editor page needs, so /bank/new and /bank/[id] offer the same choices.
import { topics } from '$lib/server/db/schema/bank';
import { PROVINCES } from '$lib/server/org/reference-units';

export function editorChoices() {
	return {
		topics: [...topics],
		provinces: PROVINCES.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }))
	};
}
