import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { encodePathSegment, readList } from '../../../shared/transport';
import { limitField, readReturnAllAndLimit, returnAllField } from '../../../shared/fields';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { connectionField } from '../../../shared/connection';

/** Items per request for .../{id}/buyers (OFAuth allows 1-20). */
export const BUYERS_PAGE_SIZE = 20;

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField('The (PPV) mass message whose buyers to list'),
	returnAllField,
	limitField(),
];

/** One output item per fan who bought the mass message. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const massMessageId = readMassMessageId(this, itemIndex);
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	const buyers = await readList(
		this,
		{
			method: 'GET',
			path: `/v2/access/analytics/mass-messages/${encodePathSegment(massMessageId)}/buyers`,
			itemIndex,
			style: 'marker',
			pageSize: BUYERS_PAGE_SIZE,
		},
		{ returnAll, limit },
	);
	return buyers.map((buyer) => ({ json: buyer }));
}
