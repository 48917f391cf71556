import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';

export const resourceOption: INodePropertyOptions = { name: 'User List', value: 'userList' };

export const operations: Record<string, OperationModule> = { getMany };

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get user lists',
		description:
			'List the user lists (yours and the built-in ones) with their member counts, to address a mass message',
	},
];

export const defaultOperation = 'getMany';
