import { runSends, type ScheduledSend } from '../../nodes/OfAuth/actions/sendSchedule';
import type { Send } from '../../nodes/OfAuth/actions/types';

/** Sends that take `ms` each and record when they started and ended (in event order). */
function sends(plan: Array<{ account?: string; fan?: string }>, ms = 5) {
	const events: string[] = [];
	let inFlight = 0;
	const peak = new Map<string, number>();
	const current = new Map<string, number>();
	const scheduled: ScheduledSend[] = plan.map(({ account, fan }, itemIndex) => {
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
		if (account && fan) send.lane = { account, recipient: fan };
		return { itemIndex, send };
	});
	return { scheduled, events, peak };
}

const runAll = async (scheduled: ScheduledSend[], concurrency: number) =>
	await runSends(
		scheduled,
		concurrency,
		async ({ send }) => void (await send()),
		() => false,
	);

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
		await runSends(
			scheduled,
			5,
			async ({ itemIndex, send }) => {
				await send();
				if (itemIndex === 2) stop = true;
			},
			() => stop,
		);
		const started = events.filter((event) => event.startsWith('start')).length;
		const ended = events.filter((event) => event.startsWith('end')).length;
		expect(started).toBe(ended);
		expect(started).toBeLessThan(30);
	});
});
