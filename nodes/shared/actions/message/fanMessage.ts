import type { IExecuteFunctions } from 'n8n-workflow';

import { readFanId } from '../../model/fan';
import { checkPrice, readGuards } from '../../model/guards';
import { readMessage } from '../../model/message';
import { readSimplify, simplifiedMessage } from '../../model/simplified';
import { adapterOf } from '../../service';
import { fanMessageChecks, guardedSend } from '../guardedSend';
import type { ExecutionScope, Send } from '../types';

/**
 * Send and Send PPV: one item's message to one fan, checked (fan, message, guards) before anything
 * is sent; the Send posts it once, skips it as a duplicate, or answers as a dry run. Output: the
 * message the provider returned (simplified when Simplify is on).
 */
export async function prepareFanMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	{ ppv }: { ppv: boolean },
): Promise<Send> {
	const fanId = readFanId(context, itemIndex);
	const message = readMessage(context, itemIndex, { ppv });
	const request = adapterOf(context).sendMessage(fanId, message);
	const simplify = readSimplify(context, itemIndex);
	const guards = readGuards(context, itemIndex);
	checkPrice(context.getNode(), itemIndex, guards, message);
	return guardedSend(context, itemIndex, scope, {
		request,
		guards,
		...fanMessageChecks(context, itemIndex, scope, guards, fanId, message),
		output: (sent) => (simplify ? simplifiedMessage(sent, fanId) : sent),
		recipient: `fan:${fanId}`,
	});
}
