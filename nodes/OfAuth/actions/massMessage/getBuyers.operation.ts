import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { encodePathSegment } from '../../../shared/transport';
import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';

/** Items per request for .../{id}/buyers (OFAuth allows 1-20). */
export const BUYERS_PAGE_SIZE = 20;

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField('The (PPV) mass message whose buyers to list'),
	returnAllField,
	limitField(),
];

/** One output item per fan who bought the mass message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const massMessageId = readMassMessageId(this, itemIndex);
	return await listOutput(this, itemIndex, {
		path: `/v2/access/analytics/mass-messages/${encodePathSegment(massMessageId)}/buyers`,
		style: 'marker',
		pageSize: BUYERS_PAGE_SIZE,
	});
}
