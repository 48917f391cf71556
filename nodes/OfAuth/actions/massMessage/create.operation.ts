import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { ofauthApi } from '../../../shared/transport';
import { composerFields, readMassMessage } from '../../model/massMessage';
import { adapterOf } from '../../providers';
import {
	SIMPLIFIED_MASS_MESSAGE,
	readSimplify,
	simplifiedMassMessage,
	simplifyFields,
} from '../../model/simplified';
import type { ExecutionScope, Send } from '../types';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription =
	'Sends one message to many OnlyFans fans at once (a mass message), now or at a scheduled time. Choose the recipients with user lists (e.g. fans, following, a custom list ID) and optionally exclude lists. Text: the message; Media: vault media IDs; a price in USD from 3 to 200 makes it pay-per-view. It reaches every fan in the chosen lists: use it only when the creator asked for a broadcast, and only once.';

export const description: INodeProperties[] = [
	connectionField,
	...composerFields,
	...simplifyFields(SIMPLIFIED_MASS_MESSAGE),
];

/** One mass message per input item; the output is OFAuth's queue item (id, date, total, pending, ...). */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const request = adapterOf(this).createMassMessage(await readMassMessage(this, itemIndex, scope));
	const simplify = readSimplify(this, itemIndex);
	return async () => {
		const queueItem = await ofauthApi(this, { ...request, itemIndex });
		return [{ json: simplify ? simplifiedMassMessage(queueItem) : queueItem }];
	};
}
