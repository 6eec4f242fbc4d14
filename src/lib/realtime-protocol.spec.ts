import { describe, expect, it } from 'vitest';
import { bestClockEstimate, clockOffset } from './realtime-protocol';

describe('clock offset', () => {
	it('is exact when the way there and back take equally long', () => {
		// Server 1000 ms ahead, 20 ms each way.
		expect(clockOffset({ clientTime: 0, serverTime: 1020 }, 40)).toBe(1000);
		// Server 500 ms behind.
		expect(clockOffset({ clientTime: 10_000, serverTime: 9_520 }, 10_040)).toBe(-500);
	});

	it('keeps the sample with the shortest round trip', () => {
		const estimate = bestClockEstimate([
			// Slow uplink (150 ms there, 10 ms back): this sample alone would be 70 ms off.
			{ sample: { clientTime: 100, serverTime: 1250 }, receivedAt: 260 },
			{ sample: { clientTime: 300, serverTime: 1320 }, receivedAt: 340 },
			{ sample: { clientTime: 400, serverTime: 1460 }, receivedAt: 500 }
		]);
		expect(estimate).toEqual({ offset: 1000, roundTrip: 40 });
	});

	it('ignores impossible samples and gives up without any', () => {
		expect(bestClockEstimate([])).toBeNull();
		expect(
			bestClockEstimate([{ sample: { clientTime: 500, serverTime: 0 }, receivedAt: 400 }])
		).toBeNull();
	});
});
