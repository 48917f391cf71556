import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { displayFor } from '../shared/displayFor';
import type { OperationModule } from '../types';
import * as getManyLists from './getManyLists.operation';
import * as getManyMedia from './getManyMedia.operation';

export const resourceOption: INodePropertyOptions = { name: 'Vault', value: 'vault' };

export const operations: Record<string, OperationModule> = { getManyMedia, getManyLists };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['vault'] } },
		options: [
			{
				name: 'Get Many Lists',
				value: 'getManyLists',
				action: 'Get vault lists',
				description: 'List the vault lists (folders) with their media counts',
			},
			{
				name: 'Get Many Media',
				value: 'getManyMedia',
				action: 'Get vault media',
				description: 'List photos, videos and audio in the vault, with filters',
			},
		],
		default: 'getManyMedia',
	},
	...displayFor('vault', 'getManyMedia', getManyMedia.description),
	...displayFor('vault', 'getManyLists', getManyLists.description),
];
