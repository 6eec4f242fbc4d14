// Watching a contest as the host console or the studio screen: one link, the audience's view,
// and the live answer count of the open question. Shared so both screens follow the same rules.
import { m } from '$lib/paraglide/messages.js';
import type { ContestStatePayload, HostView, StudioView } from '$lib/contest-protocol';
import { ContestLink } from './contest-link.svelte';

type Audience = 'host' | 'studio';
type ViewOf<A extends Audience> = A extends 'host' ? HostView : StudioView;

export class ContestWatch<A extends Audience> {
	view = $state<ViewOf<A> | null>(null);
	answered = $state(0);
	problem = $state('');
	readonly link: ContestLink;

	constructor(
		private readonly contestId: number,
		private readonly audience: A
	) {
		this.link = new ContestLink({ onReady: () => void this.watch() });
	}

	/** Starts listening; returns the clean-up for `$effect`. */
	start(): () => void {
		const s = this.link.socket;
		s.on('contest:state', (p: ContestStatePayload) => {
			if (p.audience === this.audience) this.show(p.view as ViewOf<A>);
		});
		s.on('contest:answered', (p) => {
			const phase = this.view?.phase;
			const q = phase && 'question' in phase ? phase.question : null;
			if (q && p.round === q.round && p.index === q.index) this.answered = p.answered;
		});
		this.link.open();
		return () => {
			s.off('contest:state');
			s.off('contest:answered');
			this.link.close();
		};
	}

	show(view: ViewOf<A>): void {
		this.view = view;
		this.answered = view.answered;
	}

	private async watch(): Promise<void> {
		const res = await this.link.call('contest:watch', {
			contestId: this.contestId,
			view: this.audience
		});
		if ('data' in res && res.data.audience === this.audience) {
			this.show(res.data.view as ViewOf<A>);
			this.problem = '';
		} else if ('error' in res) this.problem = res.error.message || m.contest_play_timeout();
	}
}
