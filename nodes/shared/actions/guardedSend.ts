import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { iteratePages, apiData, readList, requestTarget } from '../transport';
import { readConnectionField } from '../transport/connection';
import type { Guards, MemberCount } from '../model/guards';
import {
	checkPpvsPerFan,
	checkPrice,
	checkRecipients,
	checkWholeAudience,
	countRecipients,
	guardRefusal,
	messageFingerprint,
	minutesAgo,
} from '../model/guards';
import type { MassMessage } from '../model/massMessage';
import type { Message } from '../model/message';
import type { UserListId } from '../model/userLists';
import { adapterOf } from '../service';
import type { ProviderRequest } from '../service/adapter';
import { readUserLists } from './massMessage/audience';
import type { ExecutionScope, Send } from './types';

/**
 * How a guarded operation sends: the reads some guards need (a chat's newest messages, the mass
 * messages sent or waiting, a list's members), the skips they decide, and the Dry Run answer. The
 * guards' fields and decisions are in model/guards.ts.
 *
 * Reads run in the item's check (Send.check): after every item was prepared, several at once within
 * the account's bound, and before the first send, so a refusal still stops the run with nothing sent.
 */

/** A chat is read back at most this many pages (10 messages each) to count a fan's PPVs. */
const MAX_CHAT_PAGES = 10;
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

/** A chat's messages as read so far, newest first; older pages are read only when a guard needs them. */
interface ChatHistory {
	messages: IDataObject[];
	/** Reads older pages until a message older than `sinceMs` was read; false if it stopped short. */
	readBackTo(sinceMs: number): Promise<boolean>;
}

/**
 * One read of a fan's chat per run and account, shared by every item to that fan (their checks run
 * one after the other: they share the fan's lane). The first page is read at once.
 */
async function chatHistory(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	account: string,
	fanId: string,
): Promise<ChatHistory> {
	return await scope.once(`chat:${account}:${fanId}`, async () => {
		const pages = iteratePages(context, {
			method: 'GET',
			itemIndex,
			...adapterOf(context).listMessages(fanId, ''),
		});
		const messages: IDataObject[] = [];
		let pagesRead = 0;
		let whole = false;
		const readPage = async () => {
			const next = await pages.next();
			if (next.done) whole = true;
			else {
				messages.push(...next.value);
				pagesRead++;
			}
		};
		const oldestAt = () => {
			const time = Date.parse(String(messages[messages.length - 1]?.createdAt ?? ''));
			return Number.isFinite(time) ? time : -Infinity;
		};
		await readPage();
		return {
			messages,
			async readBackTo(sinceMs: number) {
				while (!whole && oldestAt() >= sinceMs && pagesRead < MAX_CHAT_PAGES) await readPage();
				return whole || oldestAt() < sinceMs;
			},
		};
	});
}

/** Whether a listed chat message was written by the creator (not by the fan). */
const fromCreator = (entry: IDataObject, fanId: string) => {
	const from = (entry.fromUser as IDataObject | undefined)?.id;
	return from === undefined || String(from) !== fanId;
};

/** The same message from the creator to this fan within the window, among the chat's messages read. */
function duplicateInChat(
	chat: ChatHistory,
	fanId: string,
	fingerprint: string,
	window: number,
): Skip | undefined {
	const now = Date.now();
	for (const entry of chat.messages) {
		if (!fromCreator(entry, fanId)) continue;
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

/** The PPVs the creator offered this fan since `sinceMs`, among the chat's messages read. */
function ppvsInChat(chat: ChatHistory, fanId: string, sinceMs: number): number {
	return chat.messages.filter((entry) => {
		const at = Date.parse(String(entry.createdAt ?? ''));
		return fromCreator(entry, fanId) && Number(entry.price) > 0 && at >= sinceMs;
	}).length;
}

/**
 * The guards of a message to one fan that read the chat (Duplicate Protection, Max PPVs per Fan),
 * and the repeat of an earlier item of this run, which is decided when it is its turn to be sent:
 * after that earlier item (they share the fan's lane). A repeat counts as sent only once the API
 * took the first: after a first that provably failed it is sent; after one that may have gone
 * out, it fails and says why; it is never skipped because of a send that did not happen.
 */
export function fanMessageChecks(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	fanId: string,
	message: Message,
): Pick<GuardedSendOptions, 'check' | 'beforeSend'> {
	const node = context.getNode();
	const account = readConnectionField(context, itemIndex);
	const window = guards.duplicateWindowMinutes;
	const fingerprint = messageFingerprint(message.text, message.price, message.media.length);
	const earlierTwin =
		window === undefined
			? undefined
			: scope.claim(`message:${account}:${fanId}:${fingerprint}`, itemIndex);
	const countsPpvs =
		guards.maxPpvsPerFan !== undefined && (message.price ?? 0) > 0 && earlierTwin === undefined;
	// the PPVs earlier items of this run offer this fan (counted now: items are prepared in input order)
	const earlierPpvs = countsPpvs ? scope.tally(`ppv:${account}:${fanId}`) : 0;

	const beforeSend = (): Skip | undefined => {
		if (earlierTwin === undefined) return undefined;
		const outcome = scope.outcomeOf(earlierTwin);
		if (outcome === 'sent' || outcome === 'skipped' || outcome === 'dryRun') {
			const what = {
				sent: 'sent',
				skipped: 'skipped as a duplicate',
				dryRun: 'answered as a dry run',
			}[outcome];
			return {
				guard: DUPLICATE_GUARD,
				reason: `item ${earlierTwin} of this run is the same message to fan ${fanId} and was ${what}; it is sent once`,
			};
		}
		if (outcome === 'maybeSent') {
			throw new NodeOperationError(
				node,
				`Item ${itemIndex} was not sent: item ${earlierTwin} of this run is the same message to fan ${fanId}, and it failed without proof that it did not go out`,
				{
					itemIndex,
					description:
						'Duplicate Protection never sends a message twice. Look at the chat with this fan: if the message is not there, run this item again.',
				},
			);
		}
		// the first failed and provably sent nothing (or never ran): this item sends the message
		return undefined;
	};

	if (window === undefined && !countsPpvs) return { beforeSend };
	const check = async (): Promise<CheckResult> => {
		const chat = await chatHistory(context, itemIndex, scope, account, fanId);
		if (window !== undefined) {
			const skip = duplicateInChat(chat, fanId, fingerprint, window);
			if (skip) return { skip };
		}
		if (countsPpvs) {
			const since = Date.now() - guards.ppvWindowHours * 3_600_000;
			const readWhole = await chat.readBackTo(since);
			checkPpvsPerFan(node, itemIndex, guards, fanId, {
				inChat: ppvsInChat(chat, fanId, since),
				earlierInRun: earlierPpvs,
				chatReadWhole: readWhole,
			});
		}
		return {};
	};
	return { check, beforeSend };
}

/**
 * Duplicate Protection for a mass message, within this run: the same text and price as an earlier
 * item is refused at once (items are prepared in input order).
 */
export function refuseRepeatedMassMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	message: Message,
): void {
	if (guards.duplicateWindowMinutes === undefined) return;
	const fingerprint = messageFingerprint(message.text, message.price, message.media.length);
	const account = readConnectionField(context, itemIndex);
	const earlierItem = scope.claim(`massMessage:${account}:${fingerprint}`, itemIndex);
	if (earlierItem !== undefined)
		throw duplicateMassMessage(
			context,
			itemIndex,
			guards,
			`item ${earlierItem} of this run is the same mass message`,
		);
}

function duplicateMassMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	guards: Guards,
	what: string,
): NodeOperationError {
	return guardRefusal(
		context.getNode(),
		itemIndex,
		'duplicateWindowMinutes',
		`${what}, within the ${guards.duplicateWindowMinutes}-minute window`,
		'Change the text or price if this is a new message, or wait for the window to pass.',
	);
}

/**
 * Duplicate Protection for a mass message, against the account: the same text and price among
 * the mass messages sent within the window, or waiting in the account's queue (scheduled, where
 * the service lists its queue), is refused: a repeated broadcast reaches every fan again.
 */
async function refuseRecentMassMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	message: Message,
): Promise<void> {
	const window = guards.duplicateWindowMinutes;
	if (window === undefined) return;
	const adapter = adapterOf(context);
	const account = readConnectionField(context, itemIndex);
	const fingerprint = messageFingerprint(message.text, message.price, message.media.length);
	const now = Date.now();
	const sameAs = (entry: IDataObject) => {
		const price = entry.isFree === true ? 0 : entry.price;
		return (
			messageFingerprint(entry.text ?? entry.rawText, price, mediaCountOf(entry)) === fingerprint
		);
	};
	// read before this run sends anything, so one read per account and window serves every item
	const recent = await scope.once(
		`sentMassMessages:${account}:${window}`,
		async () =>
			await readList(
				context,
				{
					method: 'GET',
					itemIndex,
					...adapter.listSentMassMessages({
						startDate: new Date(now - window * 60_000).toISOString(),
						endDate: new Date(now + 60_000).toISOString(),
					}),
				},
				{ returnAll: false, limit: RECENT_MASS_MESSAGES_READ },
			),
	);
	for (const entry of recent) {
		const age = minutesAgo(entry.date ?? entry.createdAt, now);
		if (age === undefined || age >= window || !sameAs(entry)) continue;
		throw duplicateMassMessage(
			context,
			itemIndex,
			guards,
			`the same mass message (${String(entry.id)}) was sent ${age} minute${age === 1 ? '' : 's'} ago`,
		);
	}
	const listQueue = adapter.listQueuedMassMessages;
	if (!listQueue) return;
	const queued = await scope.once(
		`queuedMassMessages:${account}`,
		async () =>
			await readList(
				context,
				{ method: 'GET', itemIndex, ...listQueue() },
				{ returnAll: true, limit: 0 },
			),
	);
	const textOnly = messageFingerprint(message.text, 0, 0);
	const sameText = (entry: IDataObject) =>
		messageFingerprint(entry.text ?? entry.rawText, 0, 0) === textOnly;
	// a queued item may not say its price or media: the same text, and price where it says one
	const sameAsQueued = (entry: IDataObject) =>
		sameText(entry) &&
		(entry.price === undefined || entry.price === null
			? entry.isFree === undefined || entry.isFree === ((message.price ?? 0) === 0)
			: Math.round(Number(entry.price) * 100) === Math.round((message.price ?? 0) * 100));
	for (const entry of queued) {
		if (entry.isDone === true || entry.isCanceled === true) continue;
		const when = Date.parse(String(entry.date ?? ''));
		// waiting to go out: scheduled for later, or still being sent
		if (Number.isFinite(when) && when <= now - window * 60_000) continue;
		// a queue item without its text: its details say it (one read per waiting mass message and run)
		const details =
			entry.text === undefined && entry.rawText === undefined && entry.id !== undefined
				? await scope.once(`massMessage:${account}:${String(entry.id)}`, async () => {
						const answer = await apiData<IDataObject>(context, {
							...adapter.getMassMessage(String(entry.id)),
							itemIndex,
						});
						return ((answer?.queue as IDataObject | undefined) ?? answer ?? {}) as IDataObject;
					})
				: entry;
		if (!sameAsQueued(details)) continue;
		throw duplicateMassMessage(
			context,
			itemIndex,
			guards,
			`the same mass message (${String(entry.id)}) is already waiting to be sent${Number.isFinite(when) && when > now ? ` (scheduled for ${new Date(when).toISOString()})` : ''}`,
		);
	}
}

/** A list's members, counted by reading them (the API gave no count), stopping once past `enough`. */
async function countMembers(
	context: IExecuteFunctions,
	itemIndex: number,
	listId: UserListId,
	enough: number,
): Promise<MemberCount> {
	let count = 0;
	for await (const page of iteratePages(context, {
		method: 'GET',
		itemIndex,
		...adapterOf(context).listUserListMembers(listId),
	})) {
		count += page.length;
		if (count > enough) return { count, complete: false };
	}
	return { count, complete: true };
}

/**
 * The guards of a mass message's audience and price: whole-audience lists and the price ceiling
 * (at once), then (in the check) Max Recipients from the user lists' member counts, reading the
 * members of a list whose count the API does not give. Returns what a dry run reports about the
 * recipients.
 */
export function massMessageChecks(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	guards: Guards,
	massMessage: MassMessage,
	{ duplicates }: { duplicates: boolean },
): Pick<GuardedSendOptions, 'check'> {
	const node = context.getNode();
	const { audience } = massMessage;
	checkWholeAudience(node, itemIndex, guards, audience.lists);
	checkPrice(node, itemIndex, guards, massMessage.message);
	if (duplicates) refuseRepeatedMassMessage(context, itemIndex, scope, guards, massMessage.message);
	const countsRecipients = guards.maxRecipients !== undefined || guards.dryRun;
	if (!countsRecipients && !(duplicates && guards.duplicateWindowMinutes !== undefined)) return {};
	const check = async (): Promise<CheckResult> => {
		let extra: IDataObject = {};
		if (countsRecipients) {
			const account = readConnectionField(context, itemIndex);
			const known = audience.lists.length ? await readUserLists(context, itemIndex, scope) : [];
			const memberCounts = new Map<string, MemberCount>();
			if (guards.maxRecipients !== undefined) {
				// a list the API gave no member count for: its members are read until the total passes the cap
				const given = countRecipients(audience.fanIds, audience.lists, known);
				let upTo = given.upTo;
				for (const id of given.uncounted) {
					const enough = Math.max(0, guards.maxRecipients - upTo);
					const members = await scope.once(
						`members:${account}:${String(id)}:${enough}`,
						async () => await countMembers(context, itemIndex, id, enough),
					);
					memberCounts.set(String(id), members);
					upTo += members.count;
				}
			}
			const count = countRecipients(audience.fanIds, audience.lists, known, memberCounts);
			checkRecipients(node, itemIndex, guards, count);
			extra = {
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
		if (duplicates)
			await refuseRecentMassMessage(context, itemIndex, scope, guards, massMessage.message);
		return { extra };
	};
	return { check };
}

/** A request as a dry run shows it: method, full URL, account, query and body (never a key). */
export async function shownRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	request: ProviderRequest,
): Promise<IDataObject> {
	const { method, qs, body } = request;
	const { url, connectionId } = await requestTarget(context, { path: request.path, itemIndex });
	return {
		method,
		url,
		...(connectionId ? { connectionId } : {}),
		...(qs && Object.keys(qs).length ? { qs } : {}),
		body: body ?? {},
	};
}

/** The dry-run answer: exactly what would be sent, where, for which account, and that nothing was. */
async function dryRunJson(
	context: IExecuteFunctions,
	itemIndex: number,
	request: ProviderRequest,
	extra: IDataObject,
): Promise<IDataObject> {
	return {
		dryRun: true,
		sent: false,
		provider: adapterOf(context).label,
		request: await shownRequest(context, itemIndex, request),
		...extra,
	};
}

/** What an item's check found: a reason to skip it, and what a dry run reports (e.g. the recipients). */
interface CheckResult {
	skip?: Skip;
	extra?: IDataObject;
}

export interface GuardedSendOptions {
	request: ProviderRequest;
	guards: Guards;
	output: (answer: IDataObject) => IDataObject;
	/** Who it reaches (e.g. fan:123): sends to one recipient never overlap (see sendSchedule.ts). */
	recipient: string;
	/** The guards that read from the API; run before any item is sent (Send.check). */
	check?: () => Promise<CheckResult>;
	/** Decided when it is the item's turn to be sent (after the earlier items of its lane). */
	beforeSend?: () => Skip | undefined;
}

/**
 * The Send of a guarded item: skipped (the output says why), answered as a dry run, or sent once.
 * What became of it is noted in the scope, for a repeat of it later in the run.
 */
export function guardedSend(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	{ request, guards, output, recipient, check, beforeSend }: GuardedSendOptions,
): Send {
	let checked: CheckResult = {};
	const send: Send = async (): Promise<INodeExecutionData[]> => {
		const skip = checked.skip ?? beforeSend?.();
		if (skip) {
			scope.noteOutcome(itemIndex, 'skipped');
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
		if (guards.dryRun) {
			scope.noteOutcome(itemIndex, 'dryRun');
			return [{ json: await dryRunJson(context, itemIndex, request, checked.extra ?? {}) }];
		}
		const answer = await apiData<IDataObject>(context, { ...request, itemIndex });
		scope.noteOutcome(itemIndex, 'sent');
		return [{ json: output(answer) }];
	};
	send.lane = { account: readConnectionField(context, itemIndex), recipient };
	if (check) send.check = async () => void (checked = await check());
	return send;
}
