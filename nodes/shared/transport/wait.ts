import { NodeOperationError, sleep } from 'n8n-workflow';

import type { NodeContext } from './connection';

/** The longest single sleep: a cancelled execution stops waiting within this, even if its abort event is missed. */
const WAIT_SLICE_MS = 250;

/** The execution's cancel signal, where the context has one (executions; not pickers or hooks). */
export function cancelSignalOf(context: NodeContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
}

/** Marks an error that is the execution's cancellation. */
export const CANCELLED = 'cancelled';
/** Marks the cancellation of a request that had already left: the API may have taken it. */
export const CANCELLED_IN_FLIGHT = 'cancelledInFlight';

export function cancelledError(
	context: NodeContext,
	itemIndex: number | undefined,
	{ inFlight = false }: { inFlight?: boolean } = {},
): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), 'The execution was cancelled', {
		itemIndex,
		...(inFlight
			? {
					description:
						'The request had already been sent when the execution was stopped, so the API may have taken it: check in OnlyFans before sending it again.',
				}
			: {}),
	});
	error.context[CANCELLED] = true;
	if (inFlight) error.context[CANCELLED_IN_FLIGHT] = true;
	return error;
}

/**
 * Waits `ms` (a rate-limit wait, a retry backoff, a readiness poll) unless the execution is
 * cancelled: then it stops at once with "The execution was cancelled" instead of keeping a
 * cancelled run alive until the wait is over.
 */
export async function waitUnlessCancelled(
	context: NodeContext,
	ms: number,
	itemIndex: number | undefined,
): Promise<void> {
	const signal = cancelSignalOf(context);
	if (signal?.aborted) throw cancelledError(context, itemIndex);
	let onAbort: (() => void) | undefined;
	const cancelled = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		const until = Date.now() + ms;
		for (;;) {
			if (signal?.aborted) throw cancelledError(context, itemIndex);
			const left = until - Date.now();
			if (left <= 0) return;
			await Promise.race([sleep(Math.min(left, WAIT_SLICE_MS)), cancelled]);
		}
	} finally {
		// a wait that ended is no longer told about the cancel: ten sends in flight over a long run
		// would otherwise pile up listeners (and their closures) on the one signal
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
}
