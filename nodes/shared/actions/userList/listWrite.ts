import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readGuards } from '../../model/guards';
import type { UserListId } from '../../model/userLists';
import type { ProviderRequest } from '../../service';
import { guardedSend } from '../guardedSend';
import type { ExecutionScope, Send } from '../types';

/**
 * Create, Rename or Delete a list: one request, sent after every item was checked, one at a time
 * per list (its lane), or answered as a dry run.
 */
export function listWrite(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	{
		listId,
		request,
		output,
	}: {
		listId: UserListId | undefined;
		request: ProviderRequest;
		output: (answer: IDataObject) => IDataObject;
	},
): Send {
	return guardedSend(context, itemIndex, scope, {
		request,
		guards: readGuards(context, itemIndex),
		recipient: listId === undefined ? 'list:new' : `list:${String(listId)}`,
		output,
	});
}
