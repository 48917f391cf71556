import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { composerFields } from '../../model/massMessage';
import { readMassMessage } from './audience';
import { massMessageIdField, readMassMessageId } from '../../model/massMessageId';
import { adapterOf } from '../../service';
import { readGuards, updateMassMessageGuards } from '../../model/guards';
import { guardedSend, massMessageChecks } from '../guardedSend';
import type { ExecutionScope, Send } from '../types';

export const description: INodeProperties[] = [
	connectionField,
	massMessageIdField(
		'The mass message to change (the "id" that Create returns). Every field below replaces what it had: give the whole message again, as in Create.',
	),
	...composerFields,
	updateMassMessageGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const massMessageId = readMassMessageId(this, itemIndex);
	const massMessage = await readMassMessage(this, itemIndex, scope);
	const request = adapterOf(this).updateMassMessage(massMessageId, massMessage);
	const guards = readGuards(this, itemIndex);
	return guardedSend(this, itemIndex, scope, {
		request,
		guards,
		...massMessageChecks(this, itemIndex, scope, guards, massMessage, { duplicates: false }),
		recipient: 'mass messages',
		output: (answer) => answer,
	});
}
