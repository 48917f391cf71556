import type { SendLane } from './types';

/**
 * The order checked items are checked and sent in. Sends that name a lane (an account and a recipient) overlap:
 * up to `concurrency` of one account wait for their answers at once (the account's rate limit still
 * paces each request, see transport/pacing.ts), different accounts proceed side by side, and the
 * Sends of one lane (one fan) go one after the other in input order. Among ready lanes the one whose
 * next item comes first in the input goes first. A Send without a lane runs alone, in input order,
 * after everything before it finished and before anything after it starts.
 */
export interface Scheduled {
	itemIndex: number;
	/** Who it reaches; none: it runs alone. */
	lane?: SendLane;
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

/** What the schedule does with its entries. */
export interface ScheduleHandlers<T extends Scheduled> {
	/** Runs one entry (sends it, or checks it). */
	run(entry: T): Promise<void>;
	/**
	 * An entry whose run threw: it is ended here, with that error, and the schedule goes on (or
	 * stops, if `stopped()` now says so). Without it a rejected run would hold its slot forever and
	 * the execution would never end.
	 */
	failed(entry: T, error: unknown): void;
	/** Once true, nothing new starts; what is in flight finishes. */
	stopped(): boolean;
}

/**
 * Runs an entry and always settles: a run that throws (or returns something that is not a
 * promise) is handed to `failed`. A `failed` that throws itself is kept as the schedule's own
 * failure (`crash`), so the run still ends, and ends with it.
 */
async function settle<T extends Scheduled>(
	entry: T,
	handlers: ScheduleHandlers<T>,
	crash: { error?: unknown },
): Promise<void> {
	try {
		await handlers.run(entry);
	} catch (error) {
		try {
			handlers.failed(entry, error);
		} catch (failure) {
			crash.error ??= failure;
		}
	}
}

/** One account's entries: at most `concurrency` in flight, one per lane, earliest lane first. */
async function runAccount<T extends Scheduled>(
	entries: T[],
	concurrency: number,
	handlers: ScheduleHandlers<T>,
	crash: { error?: unknown },
	stopped: () => boolean,
): Promise<void> {
	const lanes = new Map<string, T[]>();
	for (const entry of entries) {
		const lane = entry.lane!.recipient;
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
				void settle(entry, handlers, crash).then(() => {
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
 * Runs every entry once (unless `stopped()` turns true: then nothing new starts and the ones in
 * flight finish). Every entry's run settles: one that throws is handed to `failed`, so no error
 * leaves an entry, or the execution, hanging.
 */
export async function runSchedule<T extends Scheduled>(
	entries: T[],
	concurrency: number,
	handlers: ScheduleHandlers<T>,
): Promise<void> {
	const crash: { error?: unknown } = {};
	const stopped = () => crash.error !== undefined || handlers.stopped();
	let start = 0;
	while (start < entries.length && !stopped()) {
		if (!entries[start].lane) {
			await settle(entries[start], handlers, crash);
			start++;
			continue;
		}
		let end = start;
		while (end < entries.length && entries[end].lane) end++;
		const byAccount = new Map<string, T[]>();
		for (const entry of entries.slice(start, end)) {
			const account = entry.lane!.account;
			const list = byAccount.get(account);
			if (list) list.push(entry);
			else byAccount.set(account, [entry]);
		}
		await Promise.all(
			[...byAccount.values()].map(
				async (accountEntries) =>
					await runAccount(accountEntries, concurrency, handlers, crash, stopped),
			),
		);
		start = end;
	}
	if (crash.error !== undefined) throw crash.error;
}
