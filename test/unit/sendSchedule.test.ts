import { runSchedule, type Scheduled } from '../../nodes/shared/actions/sendSchedule';
import type { Send } from '../../nodes/shared/actions/types';

/** Sends that take `ms` each and record when they started and ended (in event order). */
function sends(plan: Array<{ account?: string; fan?: string }>, ms = 5) {
	const events: string[] = [];
	let inFlight = 0;
	const peak = new Map<string, number>();
	const current = new Map<string, number>();
	const scheduled: Array<Scheduled & { send: Send }> = plan.map(({ account, fan }, itemIndex) => {
		const send: Send = async () => {
			inFlight++;
			const key = account ?? 'alone';
			current.set(key, (current.get(key) ?? 0) + 1);
			peak.set(key, Math.max(peak.get(key) ?? 0, current.get(key)!));
			events.push(`start ${itemIndex}${account ? '' : ` (${inFlight} in flight)`}`);
			await new Promise((resolve) => setTimeout(resolve, ms));
			events.push(`end ${itemIndex}`);
			current.set(key, current.get(key)! - 1);
			inFlight--;
			return [];
		};
		return { itemIndex, send, lane: account && fan ? { account, recipient: fan } : undefined };
	});
	return { scheduled, events, peak };
}

const runAll = async (scheduled: Array<Scheduled & { send: Send }>, concurrency: number) =>
	await runSchedule(scheduled, concurrency, {
		run: async ({ send }) => void (await send()),
		failed: (entry, error) => {
			throw error;
		},
		stopped: () => false,
	});

describe('the send schedule', () => {
	it('sends to one fan never overlap and keep their input order', async () => {
		const plan = [0, 1, 2, 0, 1, 0].map((fan) => ({ account: 'a', fan: `fan ${fan}` }));
		const { scheduled, events } = sends(plan);
		await runAll(scheduled, 10);
		for (const fan of [0, 1, 2]) {
			const items = plan.flatMap((entry, index) => (entry.fan === `fan ${fan}` ? [index] : []));
			const order = events.filter((event) => items.includes(Number(event.split(' ')[1])));
			// start i, end i, start j, end j ... in input order
			expect(order).toEqual(items.flatMap((item) => [`start ${item}`, `end ${item}`]));
		}
	});

	it('at most `concurrency` sends of one account wait at once; accounts run side by side', async () => {
		const plan = Array.from({ length: 40 }, (_, index) => ({
			account: index < 20 ? 'a' : 'b',
			fan: `fan ${index}`,
		}));
		const { scheduled, peak, events } = sends(plan);
		await runAll(scheduled, 4);
		expect(peak.get('a')).toBe(4);
		expect(peak.get('b')).toBe(4);
		// b's first send did not wait for a's last one
		expect(events.indexOf('start 20')).toBeLessThan(events.indexOf('end 19'));
		expect(events.filter((event) => event.startsWith('end'))).toHaveLength(40);
	});

	it('a send without a lane runs alone, between what comes before and after it', async () => {
		const plan = [
			{ account: 'a', fan: '1' },
			{ account: 'a', fan: '2' },
			{},
			{ account: 'a', fan: '3' },
		];
		const { scheduled, events } = sends(plan);
		await runAll(scheduled, 10);
		expect(events).toContain('start 2 (1 in flight)');
		expect(events.indexOf('start 2 (1 in flight)')).toBeGreaterThan(events.indexOf('end 1'));
		expect(events.indexOf('start 3')).toBeGreaterThan(events.indexOf('end 2'));
	});

	it('once stopped, nothing new starts and what was in flight finishes', async () => {
		const plan = Array.from({ length: 30 }, (_, index) => ({ account: 'a', fan: `${index}` }));
		const { scheduled, events } = sends(plan);
		let stop = false;
		await runSchedule(scheduled, 5, {
			run: async ({ itemIndex, send }) => {
				await send();
				if (itemIndex === 2) stop = true;
			},
			failed: () => undefined,
			stopped: () => stop,
		});
		const started = events.filter((event) => event.startsWith('start')).length;
		const ended = events.filter((event) => event.startsWith('end')).length;
		expect(started).toBe(ended);
		expect(started).toBeLessThan(30);
	});

	it('a run that throws ends that entry with its error, and the others go on; nothing hangs', async () => {
		const plan = Array.from({ length: 12 }, (_, index) => ({ account: 'a', fan: `${index}` }));
		const { scheduled, events } = sends(plan);
		const failed: Array<{ itemIndex: number; error: unknown }> = [];
		const unfinished = Symbol('still running after 5 s');
		const outcome = await Promise.race([
			runSchedule(scheduled, 4, {
				run: async ({ itemIndex, send }) => {
					// not even an Error: what a bug would throw
					if (itemIndex === 3) throw undefined;
					if (itemIndex === 7) return await Promise.reject(new Error('boom'));
					await send();
				},
				failed: ({ itemIndex }, error) => failed.push({ itemIndex, error }),
				stopped: () => false,
			}),
			new Promise((resolve) => setTimeout(() => resolve(unfinished), 5_000)),
		]);
		expect(outcome).not.toBe(unfinished);
		expect(failed.map(({ itemIndex }) => itemIndex)).toEqual([3, 7]);
		expect((failed[1].error as Error).message).toBe('boom');
		expect(events.filter((event) => event.startsWith('end'))).toHaveLength(10);
	});

	it('a failure that cannot even be recorded stops the schedule with that error instead of hanging', async () => {
		const plan = Array.from({ length: 6 }, (_, index) => ({ account: 'a', fan: `${index}` }));
		const { scheduled } = sends(plan);
		await expect(
			runSchedule(scheduled, 2, {
				run: async ({ itemIndex, send }) => {
					if (itemIndex === 1) throw new Error('send failed');
					await send();
				},
				failed: () => {
					throw new Error('recording failed');
				},
				stopped: () => false,
			}),
		).rejects.toThrow('recording failed');
	});
});
