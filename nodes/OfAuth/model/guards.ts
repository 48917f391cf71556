import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Message } from './message';
import { MAX_PRICE, MIN_PRICE } from './message';
import type { KnownUserList, UserListId } from './userLists';

/**
 * Guards: limits an operator sets once on a sending operation, so that a person, a schedule and an
 * AI agent are held to the same bounds. Each refusal names the guard and its setting, and sends nothing.
 * The reads some guards need (user lists, a chat's newest messages, recent mass messages) are in
 * actions/guardedSend.ts; this file holds the fields and the decisions.
 */

export interface Guards {
	/** Check, resolve and answer with the exact request; send nothing. */
	dryRun: boolean;
	/** A mass message may reach at most this many fans (fan IDs plus each list's members). */
	maxRecipients?: number;
	/** Built-in lists (all fans, following, ...) are refused unless this is on. */
	allowWholeAudienceLists: boolean;
	/** A PPV may cost at most this many USD. */
	maxPrice?: number;
	/** The same message to the same fan, or the same mass message, within this many minutes is not sent again. */
	duplicateWindowMinutes?: number;
}

export const GUARDS_LABEL = 'Guards';

/** Nodes of this version and later refuse whole-audience lists unless allowed; older nodes keep sending to them. */
const WHOLE_AUDIENCE_REFUSED_FROM_VERSION = 1.2;

const GUARD_LABELS = {
	dryRun: 'Dry Run',
	maxRecipients: 'Max Recipients',
	allowWholeAudienceLists: 'Allow Whole-Audience Lists',
	maxPrice: 'Max Price (USD)',
	duplicateWindowMinutes: 'Duplicate Protection (Minutes)',
} as const;

type GuardName = keyof typeof GUARD_LABELS;

const dryRunField: INodeProperties = {
	displayName: GUARD_LABELS.dryRun,
	name: 'dryRun',
	type: 'boolean',
	default: true,
	description:
		'Whether to check everything (fields, lists, recipients, guards) and output exactly the request that would be sent, without sending it',
};

const maxRecipientsField: INodeProperties = {
	displayName: GUARD_LABELS.maxRecipients,
	name: 'maxRecipients',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 500,
	description:
		'A mass message that could reach more fans than this is refused. Counted as the Fan IDs plus the member count of each chosen list, before exclusions.',
	hint: "Costs one read of the account's user lists per run (for their member counts)",
};

const allowWholeAudienceField: INodeProperties = {
	displayName: GUARD_LABELS.allowWholeAudienceLists,
	name: 'allowWholeAudienceLists',
	type: 'boolean',
	default: false,
	description:
		'Whether a mass message may go to a list OnlyFans builds for the whole audience (Fans, Following, Renew On, Recent, ...). Off, and when this guard is not added: only fan IDs and lists you made (nodes added before version 1.2 allow them unless this guard is added and off).',
};

const maxPriceField: INodeProperties = {
	displayName: GUARD_LABELS.maxPrice,
	name: 'maxPrice',
	type: 'number',
	typeOptions: { minValue: MIN_PRICE, maxValue: MAX_PRICE, numberPrecision: 2 },
	default: 50,
	description: `A PPV priced above this is refused, whatever the Price field says (OnlyFans allows up to ${MAX_PRICE} USD)`,
};

const duplicateWindowField = (what: 'message' | 'mass message'): INodeProperties => ({
	displayName: GUARD_LABELS.duplicateWindowMinutes,
	name: 'duplicateWindowMinutes',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description:
		what === 'message'
			? 'The same text, media count and price sent to the same fan within this many minutes is not sent again: the item is skipped and its output says why'
			: 'The same mass message (text and price) sent within this many minutes is refused',
	hint:
		what === 'message'
			? "Costs one read of the chat's 10 newest messages per item; repeats within the same run are caught without a read"
			: 'Costs one read of the mass messages sent in the window per item. Mass messages scheduled for later are only caught within the same run.',
});

function guardsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: GUARDS_LABEL,
		name: 'guards',
		type: 'collection',
		placeholder: 'Add Guard',
		default: {},
		description:
			'Limits that hold whoever runs this node: a person, a schedule or an AI agent. A refused item sends nothing and says which guard refused it.',
		options,
	};
}

export const sendMessageGuards = guardsCollection([dryRunField, duplicateWindowField('message')]);
export const sendPpvGuards = guardsCollection([
	dryRunField,
	duplicateWindowField('message'),
	maxPriceField,
]);
export const massMessageGuards = guardsCollection([
	allowWholeAudienceField,
	dryRunField,
	duplicateWindowField('mass message'),
	maxPriceField,
	maxRecipientsField,
]);
export const updateMassMessageGuards = guardsCollection([
	allowWholeAudienceField,
	dryRunField,
	maxPriceField,
	maxRecipientsField,
]);

const positiveOrUndefined = (value: unknown): number | undefined => {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
};

export function readGuards(context: IExecuteFunctions, itemIndex: number): Guards {
	const values = context.getNodeParameter('guards', itemIndex, {}) as IDataObject;
	return {
		dryRun: values.dryRun === true,
		maxRecipients: positiveOrUndefined(values.maxRecipients),
		allowWholeAudienceLists:
			values.allowWholeAudienceLists === undefined
				? context.getNode().typeVersion < WHOLE_AUDIENCE_REFUSED_FROM_VERSION
				: values.allowWholeAudienceLists === true,
		maxPrice: positiveOrUndefined(values.maxPrice),
		duplicateWindowMinutes: positiveOrUndefined(values.duplicateWindowMinutes),
	};
}

/** A guard said no: names the guard and its setting; nothing was sent. */
export function guardRefusal(
	node: INode,
	itemIndex: number,
	guard: GuardName,
	problem: string,
	fix: string,
): NodeOperationError {
	const setting = `${GUARDS_LABEL} > ${GUARD_LABELS[guard]}`;
	const error = new NodeOperationError(
		node,
		`Refused by the guard "${GUARD_LABELS[guard]}" on item ${itemIndex}: ${problem}. Nothing was sent`,
		{ itemIndex, description: `${fix} The guard is set in "${setting}".` },
	);
	error.context.field = setting;
	return error;
}

/** Max Price: a PPV above the operator's ceiling. */
export function checkPrice(node: INode, itemIndex: number, guards: Guards, message: Message): void {
	if (guards.maxPrice === undefined || message.price === undefined) return;
	if (message.price > guards.maxPrice) {
		throw guardRefusal(
			node,
			itemIndex,
			'maxPrice',
			`the price ${message.price} USD is above the ceiling of ${guards.maxPrice} USD`,
			`Offer it at ${guards.maxPrice} USD or less, or ask the operator to raise the ceiling.`,
		);
	}
}

/** Whole-audience lists: the lists OnlyFans builds (their IDs are type names such as 'fans'). */
export function checkWholeAudience(
	node: INode,
	itemIndex: number,
	guards: Guards,
	lists: UserListId[],
): void {
	const wholeAudience = lists.filter((id) => typeof id === 'string');
	if (guards.allowWholeAudienceLists || wholeAudience.length === 0) return;
	throw guardRefusal(
		node,
		itemIndex,
		'allowWholeAudienceLists',
		`the audience includes ${wholeAudience.map((id) => `"${id}"`).join(', ')}, a list of the whole audience, which is not allowed`,
		'Send it to fan IDs or to a list you made, or ask the operator to turn on Allow Whole-Audience Lists.',
	);
}

/** A user list with what the guard needs: its ID and, when the API gave it, its member count. */
export interface CountedList {
	id: UserListId;
	name: string;
	usersCount?: number;
}

/** Max Recipients: fan IDs plus each list's members (before exclusions, so never an undercount). */
export function countRecipients(
	fanIds: number[],
	lists: UserListId[],
	known: KnownUserList[],
): { upTo: number; lists: CountedList[]; uncounted: UserListId[] } {
	const counted: CountedList[] = [];
	const uncounted: UserListId[] = [];
	for (const id of lists) {
		const list = known.find((entry) => String(entry.id) === String(id));
		const usersCount =
			list?.usersCount === undefined || list.usersCount === null || list.usersCount === ''
				? NaN
				: Number(list.usersCount);
		if (!list || !Number.isSafeInteger(usersCount) || usersCount < 0) uncounted.push(id);
		else counted.push({ id, name: String(list.name ?? id), usersCount });
	}
	const upTo = counted.reduce((sum, list) => sum + (list.usersCount ?? 0), fanIds.length);
	return { upTo, lists: counted, uncounted };
}

export function checkRecipients(
	node: INode,
	itemIndex: number,
	guards: Guards,
	count: ReturnType<typeof countRecipients>,
): void {
	if (guards.maxRecipients === undefined) return;
	if (count.uncounted.length) {
		throw guardRefusal(
			node,
			itemIndex,
			'maxRecipients',
			`the member count of list ${count.uncounted.join(', ')} is unknown (the API did not give it), so the recipients cannot be held to ${guards.maxRecipients}`,
			'Use fan IDs or lists whose member count the API reports, or remove the guard.',
		);
	}
	if (count.upTo > guards.maxRecipients) {
		throw guardRefusal(
			node,
			itemIndex,
			'maxRecipients',
			`it could reach up to ${count.upTo} fans, more than the ${guards.maxRecipients} allowed`,
			'Choose a smaller list or fewer fan IDs, or ask the operator to raise the limit.',
		);
	}
}

/** What makes two messages "the same" for Duplicate Protection: visible text, price, media count. */
export function messageFingerprint(text: unknown, price: unknown, mediaCount: number): string {
	const plain = String(text ?? '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/[*_~`]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
	const amount = Number(price ?? 0) || 0;
	return JSON.stringify([plain, Math.round(amount * 100), mediaCount]);
}

/** Minutes between now and an API date, rounded down; undefined when the date does not parse. */
export function minutesAgo(date: unknown, now: number): number | undefined {
	const time =
		typeof date === 'number' ? date * (date < 1e12 ? 1000 : 1) : Date.parse(String(date));
	return Number.isFinite(time) ? Math.max(0, Math.floor((now - time) / 60_000)) : undefined;
}
