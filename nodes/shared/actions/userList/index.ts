import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as addFans from './addFans.operation';
import * as create from './create.operation';
import * as deleteList from './delete.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as removeFans from './removeFans.operation';
import * as rename from './rename.operation';

export const resourceOption: INodePropertyOptions = { name: 'User List', value: 'userList' };

export const operations: Record<string, OperationModule> = {
	addFans,
	create,
	delete: deleteList,
	getMany,
	getMembers,
	removeFans,
	rename,
};

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Add Fans',
		value: 'addFans',
		action: 'Add fans to a user list',
		description: 'Put one or many fans on a list; a fan already on it is not an error',
	},
	{ name: 'Create', value: 'create', action: 'Create a user list' },
	{ name: 'Delete', value: 'delete', action: 'Delete a user list' },
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get user lists',
		description:
			'List the user lists (yours and the built-in ones) with their member counts, to address a mass message',
	},
	{
		name: 'Get Members',
		value: 'getMembers',
		action: 'Get the fans on a user list',
	},
	{
		name: 'Remove Fans',
		value: 'removeFans',
		action: 'Remove fans from a user list',
		description: 'Take one or many fans off a list; a fan not on it is not an error',
	},
	{ name: 'Rename', value: 'rename', action: 'Rename a user list' },
];

export const defaultOperation = 'getMany';
