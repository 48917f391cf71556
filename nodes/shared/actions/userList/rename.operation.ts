import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { writeGuards } from '../../model/guards';
import { simplifiedUserList } from '../../model/simplified';
import { adapterOf } from '../../service';
import type { ExecutionScope, Send } from '../types';
import { listWrite } from './listWrite';
import { listNameField, readListName, readUserListId, userListField } from './userListField';

export const description: INodeProperties[] = [
	connectionField,
	{ ...userListField, description: 'The list to rename (one of your own lists)' },
	{ ...listNameField, displayName: 'New Name', description: 'The name the list gets' },
	writeGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const listId = readUserListId(this, itemIndex, { ownOnly: true, what: 'renamed' });
	const name = readListName(this, itemIndex);
	return listWrite(this, itemIndex, scope, {
		listId,
		request: adapterOf(this).renameUserList(listId, name),
		output: (answer) => simplifiedUserList({ id: listId, ...answer, name }),
	});
}
