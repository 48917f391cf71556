import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../../shared/connection';
import { ofauthApi } from '../../../shared/transport';
import { composerFields, readMassMessage } from '../../model/massMessage';
import { adapterOf } from '../../providers';
import {
	SIMPLIFIED_MASS_MESSAGE,
	readSimplify,
	simplifiedMassMessage,
	simplifyFields,
} from '../../model/simplified';
import type { ExecutionScope, Send } from '../types';

export const description: INodeProperties[] = [
	connectionField,
	...composerFields,
	...simplifyFields(SIMPLIFIED_MASS_MESSAGE),
];

/** One mass message per input item; the output is OFAuth's queue item (id, date, total, pending, ...). */
export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const request = adapterOf(this).createMassMessage(await readMassMessage(this, itemIndex, scope));
	const simplify = readSimplify(this, itemIndex);
	return async () => {
		const queueItem = await ofauthApi(this, { ...request, itemIndex });
		return [{ json: simplify ? simplifiedMassMessage(queueItem) : queueItem }];
	};
}
