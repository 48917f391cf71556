import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { encodePathSegment, paginateMarker } from '../../../shared/transport';
import { connectionField, limitField, returnAllField } from '../../../shared/fields';
import { massMessageIdField, readMassMessageId } from './fields';

/** Items per request for .../{id}/buyers (OFAuth allows 1-20). */
export const BUYERS_PAGE_SIZE = 20;

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField('The (PPV) mass message whose buyers to list'),
	returnAllField,
	limitField(),
];

/** One output item per fan who bought the mass message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const massMessageId = readMassMessageId(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex) as number);
	const buyers = await paginateMarker(
		this,
		{
			method: 'GET',
			path: `/v2/access/analytics/mass-messages/${encodePathSegment(massMessageId)}/buyers`,
			itemIndex,
		},
		{ returnAll, limit, pageSize: BUYERS_PAGE_SIZE },
	);
	return buyers.map((buyer) => ({ json: buyer }));
}
