import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ListRequest } from './transport';
import { iteratePages, readList } from './transport';

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export function limitField(maxValue?: number): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
}

/** Filters > Search of a list operation: `description` says what it matches. */
export function searchFilters(description: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Search', name: 'query', type: 'string', default: '', description }],
	};
}

/** The Search text of Filters (searchFilters), trimmed; '' when not set. */
export function readSearch(context: IExecuteFunctions, itemIndex: number): string {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return typeof filters.query === 'string' ? filters.query.trim() : '';
}

/** Appended once to the node: how hard the transport tries when the API says "slow down". */
export const requestSettingsField: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{
			displayName: 'Concurrent Sends per Account',
			name: 'concurrentSends',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 10,
			description:
				"How many sends may wait for an answer at once for one OnlyFans account. The account's rate limit still paces them; messages to the same fan always go one after the other, in input order. 1: one send at a time.",
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 5,
			description:
				'How often a request is retried after a rate limit (429) or, for reads, a temporary server error. Sends are never retried when %service% may already have taken them.',
		},
		{
			displayName: 'Max Wait per Retry (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'Upper bound for one wait before a retry (Retry-After and X-RateLimit-Reset are honoured up to this). When the API asks for a longer wait, the item stops at once with the time it asked for, and later items for the same account in the run stop without a request.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 120,
			description:
				'How long one request waits for an answer. A send that gets no answer in time is not retried (the API may have taken it): check in OnlyFans before running it again.',
		},
	],
};

/**
 * A Return All / Limit operation: reads those two fields of the item, then the list (every page, or
 * up to Limit), one output item per entry.
 */
export async function listOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	request: Omit<ListRequest, 'method' | 'itemIndex'>,
	toJson: (entry: IDataObject) => IDataObject = (entry) => entry,
): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const limit = returnAll ? 0 : Number(context.getNodeParameter('limit', itemIndex, 50));
	const list = await readList(
		context,
		{ method: 'GET', itemIndex, ...request },
		{ returnAll, limit },
	);
	return list.map((entry) => ({ json: toJson(entry) }));
}

/**
 * Return All / Limit over a list whose entries the node keeps or drops itself: pages are read
 * until Limit entries were kept or the list ends, so Limit counts kept entries.
 */
export async function filteredListOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	request: Omit<ListRequest, 'method' | 'itemIndex'>,
	keep: (entry: IDataObject) => boolean,
	toJson: (entry: IDataObject) => IDataObject = (entry) => entry,
): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const limit = returnAll ? Infinity : Number(context.getNodeParameter('limit', itemIndex, 50));
	const kept: IDataObject[] = [];
	for await (const page of iteratePages(context, { method: 'GET', itemIndex, ...request })) {
		kept.push(...page.filter(keep));
		if (kept.length >= limit) break;
	}
	return kept.slice(0, limit).map((entry) => ({ json: toJson(entry) }));
}
