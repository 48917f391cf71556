import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';
import * as getMedia from './getMedia.operation';

export const resourceOption: INodePropertyOptions = { name: 'Chat', value: 'chat' };

export const operations: Record<string, OperationModule> = { getMany, getMedia };

export const operationOptions: INodePropertyOptions[] = [
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
];

export const defaultOperation = 'getMany';
