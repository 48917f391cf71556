import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { displayFor } from '../shared/displayFor';
import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';
import * as getMedia from './getMedia.operation';

export const resourceOption: INodePropertyOptions = { name: 'Chat', value: 'chat' };

export const operations: Record<string, OperationModule> = { getMany, getMedia };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'List chats',
				description: 'List chats with fans, newest first, with filters',
			},
			{
				name: 'Get Media',
				value: 'getMedia',
				action: 'Get chat media',
				description: 'List the photos, videos and audios shared in a chat',
			},
		],
		default: 'getMany',
	},
	...displayFor('chat', 'getMany', getMany.description),
	...displayFor('chat', 'getMedia', getMedia.description),
];
