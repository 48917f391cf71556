import type { Send } from './types';

/**
 * The order checked items are sent in. Sends that name a lane (an account and a recipient) overlap:
 * up to `concurrency` of one account wait for their answers at once (the account's rate limit still
 * paces each request, see transport/pacing.ts), different accounts proceed side by side, and the
 * Sends of one lane (one fan) go one after the other in input order. Among ready lanes the one whose
 * next item comes first in the input goes first. A Send without a lane runs alone, in input order,
 * after everything before it finished and before anything after it starts.
 */
export interface ScheduledSend {
	itemIndex: number;
	send: Send;
}

/** Lanes by the input position of their next Send: the earliest goes first. */
class LaneQueue {
	private readonly heap: Array<{ at: number; lane: string }> = [];

	get size(): number {
		return this.heap.length;
	}

	push(lane: string, at: number): void {
		const heap = this.heap;
		heap.push({ lane, at });
		for (let child = heap.length - 1; child > 0; ) {
			const parent = (child - 1) >> 1;
			if (heap[parent].at <= heap[child].at) break;
			[heap[parent], heap[child]] = [heap[child], heap[parent]];
			child = parent;
		}
	}

	pop(): string {
		const heap = this.heap;
		const top = heap[0];
		const last = heap.pop()!;
		if (heap.length) {
			heap[0] = last;
			for (let parent = 0; ; ) {
				const left = 2 * parent + 1;
				const right = left + 1;
				let smallest = parent;
				if (left < heap.length && heap[left].at < heap[smallest].at) smallest = left;
				if (right < heap.length && heap[right].at < heap[smallest].at) smallest = right;
				if (smallest === parent) break;
				[heap[parent], heap[smallest]] = [heap[smallest], heap[parent]];
				parent = smallest;
			}
		}
		return top.lane;
	}
}

/** One account's Sends: at most `concurrency` in flight, one per lane, earliest lane first. */
async function runAccount(
	sends: ScheduledSend[],
	concurrency: number,
	run: (entry: ScheduledSend) => Promise<void>,
	stopped: () => boolean,
): Promise<void> {
	const lanes = new Map<string, ScheduledSend[]>();
	for (const entry of sends) {
		const lane = entry.send.lane!.recipient;
		const queue = lanes.get(lane);
		if (queue) queue.push(entry);
		else lanes.set(lane, [entry]);
	}
	const ready = new LaneQueue();
	for (const [lane, queue] of lanes) ready.push(lane, queue[0].itemIndex);
	let inFlight = 0;
	await new Promise<void>((done) => {
		const pump = () => {
			while (!stopped() && inFlight < concurrency && ready.size) {
				const lane = ready.pop();
				const queue = lanes.get(lane)!;
				const entry = queue.shift()!;
				inFlight++;
				void run(entry).then(() => {
					inFlight--;
					if (queue.length) ready.push(lane, queue[0].itemIndex);
					pump();
				});
			}
			if (inFlight === 0 && (stopped() || ready.size === 0)) done();
		};
		pump();
	});
}

/**
 * Runs every Send once (unless `stopped()` turns true: then nothing new starts and the ones in
 * flight finish). `run` must not throw: it records each item's output or error.
 */
export async function runSends(
	sends: ScheduledSend[],
	concurrency: number,
	run: (entry: ScheduledSend) => Promise<void>,
	stopped: () => boolean,
): Promise<void> {
	let start = 0;
	while (start < sends.length && !stopped()) {
		if (!sends[start].send.lane) {
			await run(sends[start]);
			start++;
			continue;
		}
		let end = start;
		while (end < sends.length && sends[end].send.lane) end++;
		const byAccount = new Map<string, ScheduledSend[]>();
		for (const entry of sends.slice(start, end)) {
			const account = entry.send.lane!.account;
			const list = byAccount.get(account);
			if (list) list.push(entry);
			else byAccount.set(account, [entry]);
		}
		await Promise.all(
			[...byAccount.values()].map(
				async (accountSends) => await runAccount(accountSends, concurrency, run, stopped),
			),
		);
		start = end;
	}
}
