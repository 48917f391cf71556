import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { apiData } from '../../transport';
import { adapterOf } from '../../service';
import { positiveId } from '../../model/ids';
import { parseFields } from '../../model/validate';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../connection';
import type { ItemOutput } from '../types';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat holds the message' }),
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '4752',
		description: 'ID of a message you sent in this chat (the "ID" field of Send Message\'s output)',
	},
];

const unsendSchema = z.object({ messageId: positiveId('message ID') });

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const { messageId } = parseFields(
		unsendSchema,
		{ messageId: this.getNodeParameter('messageId', itemIndex, '') },
		this.getNode(),
		itemIndex,
		{ messageId: 'Message ID' },
	);
	const result = await apiData(this, {
		...adapterOf(this).unsendMessage(fanId, String(messageId)),
		itemIndex,
	});
	return [{ json: { ...result, fanId: Number(fanId), messageId } }];
}
