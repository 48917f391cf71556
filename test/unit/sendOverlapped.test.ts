import { sendOverlapped } from '../../nodes/shared/actions/media/uploadFlow';

/** A send that stays open until the test settles it, recording what runs at the same time. */
function controlledSends() {
	const open = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
	const log: string[] = [];
	let peak = 0;
	const send = async (part: number) =>
		await new Promise<void>((resolve, reject) => {
			log.push(`send ${part}`);
			open.set(part, {
				resolve: () => (open.delete(part), log.push(`sent ${part}`), resolve()),
				reject: (error) => (open.delete(part), log.push(`failed ${part}`), reject(error)),
			});
			peak = Math.max(peak, open.size);
		});
	const read = async (part: number) => (log.push(`read ${part}`), part);
	const tick = async () => await new Promise((done) => setImmediate(done));
	return { open, log, send, read, tick, peak: () => peak };
}

describe('sendOverlapped (parts of a multipart upload)', () => {
	it('reads the next part while earlier parts are sent, never holding more than the limit at once', async () => {
		const c = controlledSends();
		const done = sendOverlapped([1, 2, 3, 4, 5], 3, c.read, c.send);
		await c.tick();
		// 1..3 are being sent: 4 is not read until a slot is free (a part being read is held too)
		expect(c.log).toEqual(['read 1', 'send 1', 'read 2', 'send 2', 'read 3', 'send 3']);
		c.open.get(2)!.resolve();
		await c.tick();
		// part 4 is read while 1 and 3 are still on the wire
		expect(c.log.slice(6)).toEqual(['sent 2', 'read 4', 'send 4']);
		expect([...c.open.keys()].sort()).toEqual([1, 3, 4]);
		for (const part of [1, 3, 4]) c.open.get(part)!.resolve();
		await c.tick();
		c.open.get(5)!.resolve();
		await done;
		expect(c.peak()).toBe(3);
		expect(c.log.filter((line) => line.startsWith('read'))).toEqual([
			'read 1',
			'read 2',
			'read 3',
			'read 4',
			'read 5',
		]);
	});

	it('stops reading at the first failure and waits for the parts already sent before throwing', async () => {
		const c = controlledSends();
		const done = sendOverlapped([1, 2, 3, 4, 5], 2, c.read, c.send);
		const outcome = done.then(
			() => 'resolved',
			(error: Error) => error.message,
		);
		await c.tick();
		c.open.get(1)!.reject(new Error('part 1 refused'));
		await c.tick();
		expect(c.open.has(2)).toBe(true);
		let settled = false;
		void outcome.then(() => (settled = true));
		await c.tick();
		expect(settled).toBe(false); // part 2 is still on the wire
		c.open.get(2)!.resolve();
		expect(await outcome).toBe('part 1 refused');
		expect(c.log).not.toContain('send 4');
		expect(c.log).not.toContain('read 5');
	});

	it('passes a read failure on without sending that part', async () => {
		const c = controlledSends();
		const read = async (part: number) => {
			if (part === 2) throw new Error('the file ended early');
			return await c.read(part);
		};
		const done = sendOverlapped([1, 2, 3], 3, read, c.send);
		await c.tick();
		c.open.get(1)!.resolve();
		await expect(done).rejects.toThrow('the file ended early');
		expect(c.log).toEqual(['read 1', 'send 1', 'sent 1']);
	});
});
