import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { positiveId } from '../../model/ids';
import { parseFields } from '../../model/validate';

/** The Message ID of Unsend and Like: one message of the chat, digits. */
export function messageIdField(description: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '4752',
		description,
	};
}

const messageIdSchema = z.object({ messageId: positiveId('message ID') });

export function readMessageId(context: IExecuteFunctions, itemIndex: number): number {
	return parseFields(
		messageIdSchema,
		{ messageId: context.getNodeParameter('messageId', itemIndex, '') },
		context.getNode(),
		itemIndex,
		{ messageId: 'Message ID' },
	).messageId;
}
