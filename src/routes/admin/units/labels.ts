import { m } from '$lib/paraglide/messages.js';

// Same unions as the unit table; kept here so client code imports nothing from $lib/server.
type UnitLevel = 'national' | 'province' | 'city' | 'county';
type Region = 'east' | 'central' | 'west';

export function levelLabel(level: UnitLevel): string {
	const labels: Record<UnitLevel, () => string> = {
		national: m.units_level_national,
		province: m.units_level_province,
		city: m.units_level_city,
		county: m.units_level_county
	};
	return labels[level]();
}

export function regionLabel(region: Region | null): string {
	if (region === 'east') return m.units_region_east();
	if (region === 'central') return m.units_region_central();
	if (region === 'west') return m.units_region_west();
	return m.units_region_none();
}

export function unitNames(u: { nameZh: string; nameEn: string }, locale: string) {
	return locale === 'en'
		? { primary: u.nameEn, secondary: u.nameZh }
		: { primary: u.nameZh, secondary: u.nameEn };
}
