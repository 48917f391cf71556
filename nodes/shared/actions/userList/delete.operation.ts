import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { writeGuards } from '../../model/guards';
import { adapterOf } from '../../service';
import type { ExecutionScope, Send } from '../types';
import { listWrite } from './listWrite';
import { readUserListId, userListField } from './userListField';

export const description: INodeProperties[] = [
	connectionField,
	{
		...userListField,
		description:
			'The list to delete (one of your own lists). Its fans stay fans; only the list goes.',
	},
	writeGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const listId = readUserListId(this, itemIndex, { ownOnly: true, what: 'deleted' });
	return listWrite(this, itemIndex, scope, {
		listId,
		request: adapterOf(this).deleteUserList(listId),
		output: () => ({ listId, deleted: true }),
	});
}
