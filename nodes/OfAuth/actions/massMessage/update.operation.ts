import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { ofauthApi } from '../../../shared/transport';
import { composerFields, readMassMessage } from '../../model/massMessage';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { adapterOf } from '../../providers';
import type { ExecutionScope, Send } from '../types';

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField(
		'The mass message to change (the "id" that Create returns). Every field below replaces what it had: give the whole message again, as in Create.',
	),
	...composerFields,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const massMessageId = readMassMessageId(this, itemIndex);
	const request = adapterOf(this).updateMassMessage(
		massMessageId,
		await readMassMessage(this, itemIndex, scope),
	);
	return async () => [{ json: await ofauthApi(this, { ...request, itemIndex }) }];
}
