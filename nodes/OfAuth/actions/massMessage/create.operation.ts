import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { ofauthApi } from '../../../shared/transport';
import { composerFields, readMassMessage } from '../../model/massMessage';
import { adapterOf } from '../../providers';
import type { ExecutionScope, Send } from '../types';

export const description: INodeProperties[] = [connectionField, ...composerFields];

/** One mass message per input item; the output is OFAuth's queue item (id, date, total, pending, ...). */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const request = adapterOf(this).createMassMessage(await readMassMessage(this, itemIndex, scope));
	return async () => [{ json: await ofauthApi(this, { ...request, itemIndex }) }];
}
