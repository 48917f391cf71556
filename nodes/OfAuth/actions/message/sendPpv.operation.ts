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
