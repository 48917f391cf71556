import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { ofauthApi } from '../../../shared/transport';
import { fanField, readFanId } from '../../model/fan';
import {
	mediaField,
	messageOptionsCollection,
	readMessage,
	replyToField,
	textField,
} from '../../model/message';
import { adapterOf } from '../../providers';
import {
	SIMPLIFIED_MESSAGE,
	readSimplify,
	simplifiedMessage,
	simplifyFields,
} from '../../model/simplified';
import type { Send } from '../types';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription =
	"Sends a free private message to one OnlyFans fan, at once. Fan: the fan's numeric OnlyFans user ID, digits only (e.g. 123456789), as found in a chat or a message's fromUser.id; never a name or @username. Text: the message exactly as the fan will read it (Markdown **bold** and *italic* work). Media (optional): vault media IDs to attach. Every call sends a new message: call it once per reply, never to retry a reply that already succeeded.";

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to message' }),
	textField,
	mediaField,
	messageOptionsCollection([replyToField]),
	...simplifyFields(SIMPLIFIED_MESSAGE),
];

/** Checks the fan and the message; the Send posts it once. Output: the message OFAuth returned. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const request = adapterOf(this).sendMessage(fanId, readMessage(this, itemIndex, { ppv: false }));
	const simplify = readSimplify(this, itemIndex);
	return async () => {
		const message = await ofauthApi(this, { ...request, itemIndex });
		return [{ json: simplify ? simplifiedMessage(message, fanId) : message }];
	};
}
