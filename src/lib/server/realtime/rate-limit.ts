// Per-socket token buckets: a burst of `capacity` events, then `perSecond` on average. They
// live with the socket in this process, which is what a flood from one connection needs;
// sign-in throttling (auth/throttle.ts) is the durable, cross-process kind.

export interface BucketRule {
	capacity: number;
	perSecond: number;
}

export class TokenBucket {
	private tokens: number;
	private last: number;

	constructor(
		private readonly rule: BucketRule,
		now: number
	) {
		this.tokens = rule.capacity;
		this.last = now;
	}

	/** Takes one token; false when the bucket is empty (the event must be refused). */
	take(now: number): boolean {
		const elapsed = Math.max(0, now - this.last) / 1000;
		this.tokens = Math.min(this.rule.capacity, this.tokens + elapsed * this.rule.perSecond);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

/** One bucket per key (e.g. per event), created on first use. */
export class RateLimiter<K extends string> {
	private readonly buckets = new Map<K, TokenBucket>();

	constructor(private readonly rules: Record<K, BucketRule>) {}

	allow(key: K, now = Date.now()): boolean {
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = new TokenBucket(this.rules[key], now);
			this.buckets.set(key, bucket);
		}
		return bucket.take(now);
	}
}
