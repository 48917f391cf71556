import type { IDataObject } from 'n8n-workflow';

import type { OfAuthContext } from './connection';
import { oncePerRun } from './perRun';
import type { RetrySettings } from './retryPolicy';

/** Request Settings, read once per item of a node run (all pages and parts of an item share them). */
export function readRetrySettings(
	context: OfAuthContext,
	itemIndex: number | undefined,
): Partial<RetrySettings> {
	if (!('getInputData' in context) || itemIndex === undefined) return {};
	return oncePerRun(context, `requestSettings:${itemIndex}`, () => {
		const result: Partial<RetrySettings> = {};
		try {
			const settings = context.getNodeParameter('requestSettings', itemIndex, {}) as IDataObject;
			if (typeof settings.maxRetries === 'number')
				result.maxRetries = Math.max(0, Math.floor(settings.maxRetries));
			if (typeof settings.maxWaitSeconds === 'number')
				result.maxWaitMs = Math.max(0, settings.maxWaitSeconds * 1000);
			if (typeof settings.timeoutSeconds === 'number' && settings.timeoutSeconds > 0)
				result.timeoutMs = settings.timeoutSeconds * 1000;
		} catch {
			// a node without Request Settings: the defaults apply
		}
		return result;
	});
}
