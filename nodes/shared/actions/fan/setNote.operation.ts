import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField, readFanId } from '../../model/fan';
import { FAN_LABELS, readFanText } from '../../model/fanDetails';
import { readGuards, writeGuards } from '../../model/guards';
import { adapterOf } from '../../service';
import type { ToolDescription } from '../toolDescription';
import type { ExecutionScope, Send } from '../types';
import { fanWrite } from './fanWrite';

export const toolDescription: ToolDescription = {
	summary:
		"Saves the creator's private note about one fan (fans never see it), replacing the note there was.",
	fields: [
		{
			parameter: 'fan.value',
			name: 'The fan',
			fromModel: "Fan: the fan's OnlyFans user ID (digits).",
			fixed: 'It writes the note of fan %s.',
		},
		{
			parameter: 'note',
			name: 'The note',
			fromModel: 'Note: the whole note to keep about the fan (it replaces the old one).',
			fixed: 'The note is fixed by the operator: %s.',
		},
	],
};

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan the note is about' }),
	{
		displayName: FAN_LABELS.note,
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			'The note, replacing the one there was. Empty clears it where %service% documents how; where it does not, an empty note is refused before anything is sent.',
	},
	writeGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	const fanId = readFanId(this, itemIndex);
	const note = readFanText(this, itemIndex, 'note');
	const request = adapterOf(this).setFanNote(fanId, note);
	return fanWrite(this, itemIndex, scope, {
		fanId,
		request,
		guards: readGuards(this, itemIndex),
		set: { note },
	});
}
