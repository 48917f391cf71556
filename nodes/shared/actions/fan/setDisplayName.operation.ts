import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField, readFanId } from '../../model/fan';
import { FAN_LABELS, readFanText } from '../../model/fanDetails';
import { readGuards, writeGuards } from '../../model/guards';
import { adapterOf } from '../../service';
import type { ExecutionScope, Send } from '../types';
import { fanWrite } from './fanWrite';

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan to rename' }),
	{
		displayName: FAN_LABELS.displayName,
		name: 'displayName',
		type: 'string',
		default: '',
		placeholder: 'Mike (whale, NYC)',
		description:
			"The creator's own name for this fan, shown in place of theirs (only the creator sees it). Empty clears it where %service% documents how; where it does not, an empty name is refused before anything is sent.",
	},
	writeGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const displayName = readFanText(this, itemIndex, 'displayName');
	const request = adapterOf(this).setFanDisplayName(fanId, displayName);
	return fanWrite(this, itemIndex, scope, {
		fanId,
		request,
		guards: readGuards(this, itemIndex),
		set: { displayName },
	});
}
