/**
 * The send schedule's memory at 100,000 items (run with --expose-gc by bench/run.ts): the heap it
 * adds while it orders 100,000 checked sends to 1,000 fans and 10 accounts, each answered at once,
 * beyond the sends themselves. Prints one JSON line.
 */
import { runSchedule, type Scheduled } from '../nodes/shared/actions/sendSchedule';
import type { Send } from '../nodes/shared/actions/types';

const ITEMS = 100_000;
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
	if (!gc) throw new Error('run with node --expose-gc');
	const sends: Array<Scheduled & { send: Send }> = Array.from({ length: ITEMS }, (_, itemIndex) => {
		const send: Send = async () => [];
		const lane = { account: `account ${itemIndex % 10}`, recipient: `fan:${itemIndex % 1000}` };
		return { itemIndex, send, lane };
	});
	gc();
	const before = process.memoryUsage().heapUsed;
	let peak = before;
	let done = 0;
	const started = performance.now();
	await runSchedule(sends, 10, {
		run: async ({ send }) => {
			await send();
			if (++done % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
		},
		failed: (_, error) => {
			throw error;
		},
		stopped: () => false,
	});
	const millis = performance.now() - started;
	console.log(
		JSON.stringify({
			items: ITEMS,
			done,
			peakHeapGrowthMiB: Math.round(((peak - before) / 2 ** 20) * 10) / 10,
			bytesPerItem: Math.round((peak - before) / ITEMS),
			scheduleMsPer1000Items: Math.round((millis / ITEMS) * 1000 * 100) / 100,
		}),
	);
}

void main();
