import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { encodePathSegment, ofauthApi } from '../../../shared/transport';
import type { ExecutionScope, Send } from '../types';
import { composerFields, massMessageIdField, prepareMassMessageBody, readMassMessageId } from './fields';
import { connectionField } from '../../../shared/connection';

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField(
		'The mass message to change (the "id" that Create returns). Every field below replaces what it had: give the whole message again, as in Create.',
	),
	...composerFields,
];

export async function prepare(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<Send> {
	const massMessageId = readMassMessageId(this, itemIndex);
	const body = await prepareMassMessageBody(this, itemIndex, scope);
	return async () => {
		const queueItem = await ofauthApi(this, {
			method: 'PUT',
			path: `/v2/access/mass-messages/${encodePathSegment(massMessageId)}`,
			body: body as unknown as IDataObject,
			itemIndex,
		});
		return [{ json: queueItem }];
	};
}
