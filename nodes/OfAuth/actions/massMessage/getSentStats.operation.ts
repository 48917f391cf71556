import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { paginateOffset } from '../../../shared/transport';
import { connectionField, limitField, returnAllField } from '../../../shared/fields';
import { dateRangeFields, readDateRange } from './fields';

/** Items per request for GET /v2/access/analytics/mass-messages/sent. */
export const SENT_PAGE_SIZE = 20;

export const description: INodeProperties[] = [connectionField, ...dateRangeFields, returnAllField, limitField()];

/** One output item per sent mass message, with its counts (sent, viewed, purchased). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const qs = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex) as number);
	const sent = await paginateOffset(
		this,
		{ method: 'GET', path: '/v2/access/analytics/mass-messages/sent', qs, itemIndex },
		{ returnAll, limit, pageSize: SENT_PAGE_SIZE },
	);
	return sent.map((entry) => ({ json: entry }));
}
