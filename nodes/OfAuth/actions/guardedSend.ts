import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ofauthApi, readList, requestTarget } from '../../shared/transport';
import { readConnectionField } from '../../shared/transport/connection';
import type { Guards } from '../model/guards';
import {
	checkPrice,
	checkRecipients,
	checkWholeAudience,
	countRecipients,
	guardRefusal,
	messageFingerprint,
	minutesAgo,
} from '../model/guards';
import type { MassMessage } from '../model/massMessage';
import { readUserLists } from '../model/massMessage';
import type { Message } from '../model/message';
import { adapterOf } from '../providers';
import type { ProviderRequest } from '../providers/types';
import type { ExecutionScope, Send } from './types';

/**
 * How a guarded operation sends: Duplicate Protection's reads (a chat's newest messages, the mass
 * messages sent in the window) and the Dry Run answer. The guards' decisions are in model/guards.ts.
 */

/** How many of a chat's newest messages Duplicate Protection reads (one page on both services). */
const NEWEST_MESSAGES_READ = 10;
/** How many mass messages sent within the window Duplicate Protection reads. */
const RECENT_MASS_MESSAGES_READ = 50;

/** Why an item is skipped instead of sent. */
export interface Skip {
	guard: string;
	reason: string;
	duplicateOf?: string | number;
}

const DUPLICATE_GUARD = 'Duplicate Protection (Minutes)';

/** How many media a message or mass message the API listed carries (its count, else its media list). */
function mediaCountOf(entry: IDataObject): number {
	const count = Number(entry.mediaCount);
	if (entry.mediaCount !== null && entry.mediaCount !== '' && Number.isFinite(count)) return count;
	return Array.isArray(entry.media) ? entry.media.length : 0;
}

/**
 * Duplicate Protection for a message to one fan: the same message earlier in this run, or among the
 * chat's newest messages from the creator within the window. Either means: skip it, and say why.
 */
export async function duplicateMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	fanId: string,
	message: Message,
): Promise<Skip | undefined> {
	const window = guards.duplicateWindowMinutes;
	if (window === undefined) return undefined;
	const fingerprint = messageFingerprint(message.text, message.price, message.media.length);
	const connection = readConnectionField(context, itemIndex);
	const earlierItem = scope.claim(`message:${connection}:${fanId}:${fingerprint}`, itemIndex);
	if (earlierItem !== undefined) {
		return {
			guard: DUPLICATE_GUARD,
			reason: `item ${earlierItem} of this run sends the same message to fan ${fanId}; it is sent once`,
		};
	}
	const newest = await readList(
		context,
		{ method: 'GET', itemIndex, ...adapterOf(context).listMessages(fanId, '') },
		{ returnAll: false, limit: NEWEST_MESSAGES_READ },
	);
	const now = Date.now();
	for (const entry of newest) {
		const from = (entry.fromUser as IDataObject | undefined)?.id;
		if (from !== undefined && String(from) === fanId) continue; // the fan wrote it
		const age = minutesAgo(entry.createdAt, now);
		if (age === undefined || age >= window) continue;
		if (messageFingerprint(entry.text, entry.price, mediaCountOf(entry)) !== fingerprint) continue;
		return {
			guard: DUPLICATE_GUARD,
			reason: `the same message went to fan ${fanId} ${age} minute${age === 1 ? '' : 's'} ago (message ${String(entry.id)}), within the ${window}-minute window; it was not sent again`,
			duplicateOf: entry.id as string | number,
		};
	}
	return undefined;
}

/**
 * Duplicate Protection for a mass message: the same text and price earlier in this run, or among the
 * mass messages sent within the window, is refused (a repeated broadcast reaches every fan again).
 */
export async function refuseDuplicateMassMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	message: Message,
): Promise<void> {
	const window = guards.duplicateWindowMinutes;
	if (window === undefined) return;
	const node = context.getNode();
	const fingerprint = messageFingerprint(message.text, message.price, message.media.length);
	const connection = readConnectionField(context, itemIndex);
	const earlierItem = scope.claim(`massMessage:${connection}:${fingerprint}`, itemIndex);
	const refuse = (what: string) =>
		guardRefusal(
			node,
			itemIndex,
			'duplicateWindowMinutes',
			`${what}, within the ${window}-minute window`,
			'Change the text or price if this is a new message, or wait for the window to pass.',
		);
	if (earlierItem !== undefined)
		throw refuse(`item ${earlierItem} of this run is the same mass message`);
	const now = Date.now();
	const recent = await readList(
		context,
		{
			method: 'GET',
			itemIndex,
			...adapterOf(context).listSentMassMessages({
				startDate: new Date(now - window * 60_000).toISOString(),
				endDate: new Date(now + 60_000).toISOString(),
			}),
		},
		{ returnAll: false, limit: RECENT_MASS_MESSAGES_READ },
	);
	for (const entry of recent) {
		const age = minutesAgo(entry.date ?? entry.createdAt, now);
		if (age === undefined || age >= window) continue;
		const price = entry.isFree === true ? 0 : entry.price;
		if (messageFingerprint(entry.text ?? entry.rawText, price, mediaCountOf(entry)) !== fingerprint)
			continue;
		throw refuse(
			`the same mass message (${String(entry.id)}) was sent ${age} minute${age === 1 ? '' : 's'} ago`,
		);
	}
}

/**
 * The guards of a mass message's audience and price: whole-audience lists, the price ceiling, and
 * (reading the user lists' member counts when a cap is set or for a dry run) Max Recipients.
 * Returns what a dry run reports about the recipients.
 */
export async function checkMassMessageGuards(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	massMessage: MassMessage,
): Promise<IDataObject> {
	const node = context.getNode();
	const { audience } = massMessage;
	checkWholeAudience(node, itemIndex, guards, audience.lists);
	checkPrice(node, itemIndex, guards, massMessage.message);
	if (guards.maxRecipients === undefined && !guards.dryRun) return {};
	const count = countRecipients(
		audience.fanIds,
		audience.lists,
		audience.lists.length ? await readUserLists(context, itemIndex, scope) : [],
	);
	checkRecipients(node, itemIndex, guards, count);
	return {
		recipients: {
			upTo: count.uncounted.length ? null : count.upTo,
			fanIds: audience.fanIds.length,
			lists: count.lists.map((list) => ({ ...list })),
			...(count.uncounted.length ? { listsWithoutCount: count.uncounted } : {}),
			excludedLists: audience.excludedLists,
			note: "upTo counts the fan IDs plus each list's members, before exclusions",
		},
		sendsAt: massMessage.scheduledAt ?? 'now',
	};
}

/** The dry-run answer: exactly what would be sent, where, for which account, and that nothing was. */
async function dryRunJson(
	context: IExecuteFunctions,
	itemIndex: number,
	request: ProviderRequest,
	extra: IDataObject,
): Promise<IDataObject> {
	const { method, qs, body } = request;
	const { url, connectionId } = await requestTarget(context, { path: request.path, itemIndex });
	return {
		dryRun: true,
		sent: false,
		provider: adapterOf(context).label,
		request: {
			method,
			url,
			...(connectionId ? { connectionId } : {}),
			...(qs && Object.keys(qs).length ? { qs } : {}),
			body: body ?? {},
		},
		...extra,
	};
}

/**
 * The Send of a guarded item: skipped (the output says why), answered as a dry run, or sent once.
 * `extra` adds what the checks found (e.g. the recipients count) to a dry run's output.
 */
export function guardedSend(
	context: IExecuteFunctions,
	itemIndex: number,
	{
		request,
		guards,
		skip,
		output,
		extra = {},
		recipient,
	}: {
		request: ProviderRequest;
		guards: Guards;
		skip?: Skip;
		output: (answer: IDataObject) => IDataObject;
		extra?: IDataObject;
		/** Who it reaches (e.g. fan:123): sends to one recipient never overlap (see sendSchedule.ts). */
		recipient: string;
	},
): Send {
	const send: Send = async (): Promise<INodeExecutionData[]> => {
		if (skip) {
			return [
				{
					json: {
						skipped: true,
						sent: false,
						...skip,
						...(guards.dryRun ? { dryRun: true } : {}),
					},
				},
			];
		}
		if (guards.dryRun) return [{ json: await dryRunJson(context, itemIndex, request, extra) }];
		return [{ json: output(await ofauthApi(context, { ...request, itemIndex })) }];
	};
	send.lane = { account: readConnectionField(context, itemIndex), recipient };
	return send;
}
