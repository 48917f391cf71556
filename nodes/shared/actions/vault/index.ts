import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as getManyLists from './getManyLists.operation';
import * as getManyMedia from './getManyMedia.operation';

export const resourceOption: INodePropertyOptions = { name: 'Vault', value: 'vault' };

export const operations: Record<string, OperationModule> = { getManyMedia, getManyLists };

export const operationOptions: INodePropertyOptions[] = [
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
];

export const defaultOperation = 'getManyMedia';
