import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { displayFor } from '../shared/displayFor';
import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';

export const resourceOption: INodePropertyOptions = { name: 'Chat', value: 'chat' };

export const operations: Record<string, OperationModule> = { getMany };

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
		],
		default: 'getMany',
	},
	...displayFor('chat', 'getMany', getMany.description),
];
