import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { writeGuards } from '../../model/guards';
import { simplifiedUserList } from '../../model/simplified';
import { adapterOf } from '../../service';
import type { ExecutionScope, Send } from '../types';
import { listWrite } from './listWrite';
import { listNameField, readListName } from './userListField';

export const description: INodeProperties[] = [connectionField, listNameField, writeGuards];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const name = readListName(this, itemIndex);
	return listWrite(this, itemIndex, scope, {
		listId: undefined,
		request: adapterOf(this).createUserList(name),
		output: (answer) => simplifiedUserList({ name, usersCount: 0, ...answer }),
	});
}
