import QRCode from 'qrcode';
import type { PageServerLoad } from './$types';
import { requireHostedContest } from '../hosted.server';

export const load: PageServerLoad = async (event) => {
	const hosted = await requireHostedContest(event);
	// An SVG scales to any projector without blurring; 'M' survives a bit of glare.
	const qrSvg = await QRCode.toString(hosted.joinUrl, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M',
		color: { dark: '#000000', light: '#ffffff' }
	});
	return { ...hosted, qrSvg };
};
