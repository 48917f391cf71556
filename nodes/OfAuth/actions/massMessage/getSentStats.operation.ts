import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { dateRangeFields, readDateRange } from '../../model/dates';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';

/** Items per request for GET /v2/access/analytics/mass-messages/sent. */
export const SENT_PAGE_SIZE = 20;

export const description: INodeProperties[] = [
	connectionField,
	...dateRangeFields,
	returnAllField,
	limitField(),
];

/** One output item per sent mass message, with its counts (sent, viewed, purchased). */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const qs = readDateRange(this, itemIndex);
	return await listOutput(this, itemIndex, {
		path: '/v2/access/analytics/mass-messages/sent',
		qs,
		style: 'offset',
		pageSize: SENT_PAGE_SIZE,
	});
}
