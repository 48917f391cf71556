import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { fanField, readFanId } from '../../model/fan';
import type { ChatAction } from '../../service/adapter';
import { adapterOf } from '../../service';
import { apiData } from '../../transport';
import type { ItemOutput, ReadOperation } from '../types';

/**
 * Mark as Read, Mark as Unread, Show Typing, Hide: one request about one fan's chat, where the
 * service offers it (a service without chat actions does not list them, and a workflow saved with
 * one is refused by name before anything is sent).
 */
export function chatActionOperation(action: ChatAction, fanDescription: string): ReadOperation {
	const description: INodeProperties[] = [
		connectionField,
		fanField({ description: fanDescription }),
	];
	async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
		const fanId = readFanId(this, itemIndex);
		const chatAction = adapterOf(this).chatAction;
		if (!chatAction) throw new Error('Chat actions are not offered by this service');
		const answer = await apiData(this, { ...chatAction(fanId, action), itemIndex });
		return [{ json: { fanId: Number(fanId), action, success: answer?.success !== false } }];
	}
	return { description, execute };
}
