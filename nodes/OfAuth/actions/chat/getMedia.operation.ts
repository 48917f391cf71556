import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { encodePathSegment } from '../../../shared/transport';
import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';

/** OFAuth answers up to 100 media a page. */
const PAGE_SIZE = 100;

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat media to list' }),
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Audios', value: 'audios' },
			{ name: 'Photos', value: 'photos' },
			{ name: 'Videos', value: 'videos' },
		],
		default: 'all',
		description: 'Which kind of media shared in the chat to return',
	},
	returnAllField,
	limitField(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const mediaType = this.getNodeParameter('mediaType', itemIndex, 'all') as string;
	const qs: IDataObject = mediaType && mediaType !== 'all' ? { type: mediaType } : {};

	return await listOutput(this, itemIndex, {
		path: `/v2/access/chats/${encodePathSegment(fanId)}/media`,
		qs,
		style: 'offset',
		pageSize: PAGE_SIZE,
		// the same vault media sent in two messages is listed twice: one entry per message
		itemKey: (entry) => `${String(entry.messageId ?? '')}:${String(entry.id)}`,
	});
}
