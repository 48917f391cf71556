import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { ofauthApi } from '../../../shared/transport';
import { fanField, readFanId } from '../../model/fan';
import {
	mediaField,
	messageOptionsCollection,
	ppvFields,
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
	"Sends a pay-per-view (PPV) message to one OnlyFans fan: media the fan unlocks by paying. Fan: the fan's numeric OnlyFans user ID, digits only (e.g. 123456789), as found in a chat or a message's fromUser.id; never a name or @username. Price (USD): a number from 3 to 200 with at most 2 decimals, e.g. 9.99; anything outside is refused. Media: one or more vault media IDs (numbers from the vault media tool). Preview Media Count: how many of the first media items the fan sees for free before paying (0 = none; at most the number of media items). Text: the teaser shown with it. Every call sends a new PPV: call it once per offer.";

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to send the pay-per-view message to' }),
	...ppvFields,
	{
		...mediaField,
		description: `At least one item: what the fan unlocks by paying. The first "Preview Media Count" items are free previews. ${mediaField.description}`,
	},
	{
		...textField,
		description: `${textField.description} Shown before the fan pays unless Lock Text is on.`,
	},
	messageOptionsCollection([replyToField]),
	...simplifyFields(SIMPLIFIED_MESSAGE),
];

/** Checks the fan and the PPV (price, media, previews); the Send posts it once. Output: the message OFAuth returned. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const request = adapterOf(this).sendMessage(fanId, readMessage(this, itemIndex, { ppv: true }));
	const simplify = readSimplify(this, itemIndex);
	return async () => {
		const message = await ofauthApi(this, { ...request, itemIndex });
		return [{ json: simplify ? simplifiedMessage(message, fanId) : message }];
	};
}
