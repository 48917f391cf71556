import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../fields';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

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
	return await listOutput(this, itemIndex, adapterOf(this).listChatMedia(fanId, mediaType));
}
