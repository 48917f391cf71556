import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { waitUnlessCancelled } from '../../nodes/shared/transport/wait';

const node: INode = {
	id: 'n',
	name: 'OFAuth',
	type: 'ofAuth',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function contextWith(signal: AbortSignal): IExecuteFunctions {
	return {
		getNode: () => node,
		getExecutionCancelSignal: () => signal,
	} as unknown as IExecuteFunctions;
}

describe('waitUnlessCancelled: a wait between retries or polls ends when the execution is cancelled', () => {
	// a one-minute wait that ignored cancellation would outlive this test's 5-second limit
	it('stops a one-minute wait as soon as the execution is cancelled', async () => {
		const controller = new AbortController();
		const waiting = waitUnlessCancelled(contextWith(controller.signal), 60_000, 3);
		controller.abort();
		await expect(waiting).rejects.toMatchObject({
			message: 'The execution was cancelled',
			context: { itemIndex: 3 },
		});
	}, 5_000);

	it('does not start waiting when the execution is already cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(waitUnlessCancelled(contextWith(controller.signal), 60_000, 0)).rejects.toThrow(
			'The execution was cancelled',
		);
	}, 5_000);

	it('waits the whole time when nothing cancels it', async () => {
		const started = Date.now();
		await waitUnlessCancelled(contextWith(new AbortController().signal), 300, 0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});
});

describe('waitUnlessCancelled leaves nothing behind', () => {
	it('1,000 paced waits on one execution leave no abort listener and print no warning', async () => {
		// typed in later @types/node only: the listeners an EventTarget holds for an event
		const { getEventListeners } = (await import('node:events')) as unknown as {
			getEventListeners: (target: EventTarget, name: string) => unknown[];
		};
		const controller = new AbortController();
		const context = contextWith(controller.signal);
		const warnings: string[] = [];
		const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
		process.on('warning', onWarning);
		try {
			// ten at a time, as ten sends in flight pace their requests
			for (let round = 0; round < 100; round++)
				await Promise.all(
					Array.from({ length: 10 }, async () => await waitUnlessCancelled(context, 1, 0)),
				);
			await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
		} finally {
			process.off('warning', onWarning);
		}
		expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
		expect(warnings.filter((w) => /MaxListeners/.test(w))).toEqual([]);
	}, 30_000);
});
