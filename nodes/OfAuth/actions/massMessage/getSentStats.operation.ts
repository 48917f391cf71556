import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readList } from '../../../shared/transport';
import { limitField, readReturnAllAndLimit, returnAllField } from '../../../shared/fields';
import { dateRangeFields, readDateRange } from '../../model/dates';
import { connectionField } from '../../../shared/connection';

/** Items per request for GET /v2/access/analytics/mass-messages/sent. */
export const SENT_PAGE_SIZE = 20;

export const description: INodeProperties[] = [
	connectionField,
	...dateRangeFields,
	returnAllField,
	limitField(),
];

/** One output item per sent mass message, with its counts (sent, viewed, purchased). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const qs = readDateRange(this, itemIndex);
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	const sent = await readList(
		this,
		{
			method: 'GET',
			path: '/v2/access/analytics/mass-messages/sent',
			qs,
			itemIndex,
			style: 'offset',
			pageSize: SENT_PAGE_SIZE,
		},
		{ returnAll, limit },
	);
	return sent.map((entry) => ({ json: entry }));
}
