import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Guards } from '../../model/guards';
import type { ProviderRequest } from '../../service';
import { guardedSend } from '../guardedSend';
import type { ExecutionScope, Send } from '../types';

/**
 * A write about one fan (note, display name, discount): sent once after every item was checked, in
 * the fan's lane (after earlier items to the same fan), or answered as a dry run. The output is the
 * same whichever service answered: what was set, on which fan.
 */
export function fanWrite(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	{
		fanId,
		request,
		guards,
		set,
	}: { fanId: string; request: ProviderRequest; guards: Guards; set: IDataObject },
): Send {
	return guardedSend(context, itemIndex, scope, {
		request,
		guards,
		recipient: `fan:${fanId}`,
		output: () => ({ fanId: Number(fanId), ...set, success: true }),
	});
}
