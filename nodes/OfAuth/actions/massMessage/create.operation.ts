import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ofauthApi } from '../../transport';
import { connectionField } from '../shared/commonFields';
import { composerFields, readMassMessageBody } from './fields';

export const description: INodeProperties[] = [connectionField, ...composerFields];

/** One mass message per input item; the output is OFAuth's queue item (id, date, total, pending, ...). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = readMassMessageBody(this, itemIndex);
	const queueItem = await ofauthApi(this, {
		method: 'POST',
		path: '/v2/access/mass-messages',
		body: body as unknown as IDataObject,
		itemIndex,
	});
	return [{ json: queueItem }];
}
