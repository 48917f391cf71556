import type { IExecuteFunctions } from 'n8n-workflow';

import { readList } from '../../transport';
import { readConnectionField } from '../../transport/connection';
import type { MassMessage } from '../../model/massMessage';
import { namesListsByText, parseMassMessage, resolveAudienceLists } from '../../model/massMessage';
import type { KnownUserList } from '../../model/userLists';
import { adapterOf } from '../../service';
import type { ExecutionScope } from '../types';

/** The account's user lists (built-in and own, with their member counts), read once per execution and connection. */
export async function readUserLists(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<KnownUserList[]> {
	const connection = readConnectionField(context, itemIndex);
	return await scope.once(
		`userLists:${connection}`,
		async () =>
			(await readList(
				context,
				{ method: 'GET', itemIndex, ...adapterOf(context).listUserLists() },
				{ returnAll: true, limit: 0 },
			)) as KnownUserList[],
	);
}

/**
 * One item's mass message, checked, with every list given as text resolved against the account's
 * user lists (read once per execution and connection, only when a list is named by text).
 */
export async function readMassMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<MassMessage> {
	const massMessage = parseMassMessage(context, itemIndex);
	if (!namesListsByText(massMessage)) return massMessage;
	const lists = await readUserLists(context, itemIndex, scope);
	return resolveAudienceLists(context.getNode(), itemIndex, massMessage, lists);
}
