import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ofauthApi } from '../../../shared/transport';
import type { ExecutionScope, Send } from '../types';
import { composerFields, prepareMassMessageBody } from './fields';
import { connectionField } from '../../../shared/connection';

export const description: INodeProperties[] = [connectionField, ...composerFields];

/** One mass message per input item; the output is OFAuth's queue item (id, date, total, pending, ...). */
export async function prepare(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<Send> {
	const body = await prepareMassMessageBody(this, itemIndex, scope);
	return async () => {
		const queueItem = await ofauthApi(this, {
			method: 'POST',
			path: '/v2/access/mass-messages',
			body: body as unknown as IDataObject,
			itemIndex,
		});
		return [{ json: queueItem }];
	};
}
