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
import type { Send } from '../types';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to message' }),
	textField,
	mediaField,
	messageOptionsCollection([replyToField]),
];

/** Checks the fan and the message; the Send posts it once. Output: the message OFAuth returned. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	const request = adapterOf(this).sendMessage(
		readFanId(this, itemIndex),
		readMessage(this, itemIndex, { ppv: false }),
	);
	return async () => [{ json: await ofauthApi(this, { ...request, itemIndex }) }];
}
