import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { encodePathSegment } from '../../../shared/transport';
import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';

/** OFAuth answers at most 10 messages a page. */
const PAGE_SIZE = 10;

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat to read' }),
	returnAllField,
	limitField(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only messages whose text contains this',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof options.query === 'string' && options.query.trim()) qs.query = options.query.trim();

	return await listOutput(this, itemIndex, {
		path: `/v2/access/chats/${encodePathSegment(fanId)}/messages`,
		qs,
		style: 'cursor',
		pageSize: PAGE_SIZE,
	});
}
