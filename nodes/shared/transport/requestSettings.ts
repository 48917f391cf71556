import type { IDataObject } from 'n8n-workflow';

import type { NodeContext } from './connection';
import { oncePerRun } from './perRun';
import type { RetrySettings } from './retryPolicy';

/**
 * Request Settings (shared/fields.ts requestSettingsField), read in this one place: how many sends
 * of one account may wait for their answers at once, and how hard a request is retried.
 */
export interface RequestSettings {
	/** Concurrent Sends per Account: one setting for the whole run. */
	concurrentSends: number;
	retry: Partial<RetrySettings>;
}

/** Concurrent Sends per Account, when not set. */
const DEFAULT_CONCURRENT_SENDS = 10;
const MAX_CONCURRENT_SENDS = 50;

/**
 * An item's Request Settings, read once per item of a node run (all pages and parts of an item
 * share them); outside an execution (pickers, polls, hooks) the defaults.
 */
export function readRequestSettings(
	context: NodeContext,
	itemIndex: number | undefined,
): RequestSettings {
	if (!('getInputData' in context) || itemIndex === undefined)
		return { concurrentSends: DEFAULT_CONCURRENT_SENDS, retry: {} };
	return oncePerRun(context, `requestSettings:${itemIndex}`, () => {
		const retry: Partial<RetrySettings> = {};
		let settings: IDataObject = {};
		try {
			settings = context.getNodeParameter('requestSettings', itemIndex, {}) as IDataObject;
		} catch {
			// a node without Request Settings: the defaults apply
		}
		if (typeof settings.maxRetries === 'number')
			retry.maxRetries = Math.max(0, Math.floor(settings.maxRetries));
		if (typeof settings.maxWaitSeconds === 'number')
			retry.maxWaitMs = Math.max(0, settings.maxWaitSeconds * 1000);
		if (typeof settings.timeoutSeconds === 'number' && settings.timeoutSeconds > 0)
			retry.timeoutMs = settings.timeoutSeconds * 1000;
		const concurrent = Number(settings.concurrentSends ?? DEFAULT_CONCURRENT_SENDS);
		const concurrentSends =
			Number.isFinite(concurrent) && concurrent >= 1
				? Math.min(MAX_CONCURRENT_SENDS, Math.floor(concurrent))
				: 1;
		return { concurrentSends, retry };
	});
}
