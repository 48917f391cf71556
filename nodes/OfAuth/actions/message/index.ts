import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { displayFor } from '../shared/displayFor';
import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';
import * as send from './send.operation';
import * as sendPpv from './sendPpv.operation';
import * as unsend from './unsend.operation';

export const resourceOption: INodePropertyOptions = { name: 'Message', value: 'message' };

export const operations: Record<string, OperationModule> = { send, sendPpv, unsend, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get messages',
				description: 'Read the messages of a chat, newest first',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Send a free message (text and/or media) to a fan',
			},
			{
				name: 'Send PPV',
				value: 'sendPpv',
				action: 'Send a PPV message',
				description: 'Send pay-per-view media to a fan at a price',
			},
			{
				name: 'Unsend',
				value: 'unsend',
				action: 'Unsend a message',
				description: 'Delete a message you sent from the chat',
			},
		],
		default: 'send',
	},
	...displayFor('message', 'send', send.description),
	...displayFor('message', 'sendPpv', sendPpv.description),
	...displayFor('message', 'unsend', unsend.description),
	...displayFor('message', 'getMany', getMany.description),
];
