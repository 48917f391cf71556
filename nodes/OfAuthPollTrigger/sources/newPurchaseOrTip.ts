import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { firstTime, maxTime, scanOffsetList, sequenceOf } from '../poll/scan';
import type { PolledItem, PollSource, ScanResult } from '../poll/types';

const PATH = '/v2/access/self/notifications';
const PAGE_SIZE = 20;

function notificationTypes(context: IPollFunctions): string[] {
	const types = context.getNodeParameter('notificationTypes', ['purchases', 'tip']) as string[];
	if (!Array.isArray(types) || types.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Choose at least one of "Purchases" and "Tips" in "Notify On"',
		);
	}
	return [...types].sort();
}

function toItem(notification: IDataObject): PolledItem | undefined {
	if (notification.id === undefined || notification.id === null) return undefined;
	return {
		key: `${String(notification.type ?? 'notification')}:${String(notification.id)}`,
		time: firstTime(notification.createdAt, notification.date),
		json: notification,
		sequence: sequenceOf(notification.id),
	};
}

/** PPV/post purchases and tips, from the account's notifications (one list per type). */
export const newPurchaseOrTip: PollSource = {
	properties: [
		{
			displayName: 'Notify On',
			name: 'notificationTypes',
			type: 'multiOptions',
			options: [
				{
					name: 'Purchases',
					value: 'purchases',
					description: 'A fan bought a PPV message or post',
				},
				{ name: 'Tips', value: 'tip', description: 'A fan sent a tip' },
			],
			default: ['purchases', 'tip'],
		},
	],

	scope: (context) => notificationTypes(context).join(','),

	async scan(context, window) {
		const merged: ScanResult = { items: [], newest: NaN, truncated: false };
		for (const type of notificationTypes(context)) {
			const result = await scanOffsetList(
				context,
				{ path: PATH, qs: { type }, pageSize: PAGE_SIZE },
				toItem,
				window,
			);
			merged.items.push(...result.items);
			merged.newest = maxTime(merged.newest, result.newest);
			merged.truncated ||= result.truncated;
		}
		return merged;
	},

	async sample(context) {
		const candidates: PolledItem[] = [];
		for (const type of notificationTypes(context)) {
			const { items } = await scanOffsetList(
				context,
				{ path: PATH, qs: { type }, pageSize: 1 },
				toItem,
				{
					isKnown: () => false,
					deadline: Date.now(),
				},
			);
			candidates.push(...items);
		}
		const when = (item: PolledItem) => (Number.isNaN(item.time) ? 0 : item.time);
		return candidates.sort((a, b) => when(b) - when(a))[0];
	},
};
