import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Message } from './message';
import { MAX_PRICE } from './message';
import { plainText } from './simplified';
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
	/** One fan may be offered at most this many PPVs within `ppvWindowHours`. */
	maxPpvsPerFan?: number;
	ppvWindowHours: number;
	/** A fan's subscription discount may be at most this many percent (Give Discount). */
	maxDiscountPercent: number;
}

export const GUARDS_LABEL = 'Guards';

/** Nodes of this version and later refuse whole-audience lists unless allowed; older nodes keep sending to them. */
const WHOLE_AUDIENCE_REFUSED_FROM_VERSION = 1.2;

/**
 * From this version, a node that runs as an AI agent's tool holds the agent to these limits
 * unless the operator set the guard (to another value, or to 0: off). Nodes added before keep
 * exactly the guards the operator added.
 */
export const AGENT_DEFAULTS_FROM_VERSION = 1.3;
export const AGENT_DEFAULT_GUARDS = {
	duplicateWindowMinutes: 60,
	maxPrice: 50,
	maxRecipients: 500,
} as const;

/** Max PPVs per Fan counts the PPVs of this many hours when the operator names no window. */
const DEFAULT_PPV_WINDOW_HOURS = 24;

const GUARD_LABELS = {
	dryRun: 'Dry Run',
	maxRecipients: 'Max Recipients',
	allowWholeAudienceLists: 'Allow Whole-Audience Lists',
	maxPrice: 'Max Price (USD)',
	duplicateWindowMinutes: 'Duplicate Protection (Minutes)',
	maxPpvsPerFan: 'Max PPVs per Fan',
	ppvWindowHours: 'PPV Window (Hours)',
	maxDiscountPercent: 'Max Discount (%)',
} as const;

/** Give Discount holds to this ceiling when its operator added no Max Discount guard. */
export const DEFAULT_MAX_DISCOUNT_PERCENT = 30;

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
	typeOptions: { minValue: 0 },
	default: 500,
	description:
		'A mass message that could reach more fans than this is refused. Counted as the Fan IDs plus the member count of each chosen list, before exclusions. 0: no cap.',
	hint: "Costs one read of the account's user lists per run (for their member counts). A list whose member count the API does not give is counted by reading its members, 100 a page, until the count passes the cap.",
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
	typeOptions: { minValue: 0, maxValue: MAX_PRICE, numberPrecision: 2 },
	default: 50,
	description: `A PPV priced above this is refused, whatever the Price field says (OnlyFans allows up to ${MAX_PRICE} USD). 0: no ceiling.`,
};

const maxPpvsPerFanField: INodeProperties = {
	displayName: GUARD_LABELS.maxPpvsPerFan,
	name: 'maxPpvsPerFan',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 2,
	description:
		'A fan who was offered this many PPVs within the PPV Window is not offered another: the item is refused. Counts the PPVs in the chat and those earlier in this run. 0: no limit.',
	hint: "Counted from the same read of the chat's newest messages as Duplicate Protection; more pages are read only while they are within the window",
};

const ppvWindowField: INodeProperties = {
	displayName: GUARD_LABELS.ppvWindowHours,
	name: 'ppvWindowHours',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_PPV_WINDOW_HOURS,
	description: 'The hours Max PPVs per Fan counts back from now',
};

const duplicateWindowField = (what: 'message' | 'mass message'): INodeProperties => ({
	displayName: GUARD_LABELS.duplicateWindowMinutes,
	name: 'duplicateWindowMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 60,
	description:
		what === 'message'
			? 'The same text, media count and price sent to the same fan within this many minutes is not sent again: the item is skipped and its output says why. 0: off.'
			: 'The same mass message (text and price), sent within this many minutes or waiting to be sent, is refused. 0: off.',
	hint:
		what === 'message'
			? "Costs one read of the chat's newest messages per fan and run; a repeat within the same run is skipped once the first was sent"
			: 'Costs one read of the mass messages sent in the window per item. %queueCheck%',
});

const maxDiscountField: INodeProperties = {
	displayName: GUARD_LABELS.maxDiscountPercent,
	name: 'maxDiscountPercent',
	type: 'number',
	typeOptions: { minValue: 5, maxValue: 60 },
	default: DEFAULT_MAX_DISCOUNT_PERCENT,
	description: `A discount above this percentage is refused, whatever the Discount field says. Without this guard the ceiling is ${DEFAULT_MAX_DISCOUNT_PERCENT}%. OnlyFans allows 5 to 60.`,
};

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
	maxPpvsPerFanField,
	maxPriceField,
	ppvWindowField,
]);
export const massMessageGuards = guardsCollection([
	allowWholeAudienceField,
	dryRunField,
	duplicateWindowField('mass message'),
	maxPriceField,
	maxRecipientsField,
]);
/** Writes that reach no fan (a note, a list): only Dry Run. */
export const writeGuards = guardsCollection([dryRunField]);
export const discountGuards = guardsCollection([dryRunField, maxDiscountField]);
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

/** Whether the node runs as an AI agent's tool (n8n names the tool variant of a node "<name>Tool"). */
export function runsAsTool(node: INode): boolean {
	return node.type.split('.').pop()?.endsWith('Tool') === true;
}

/** Whether a node applies AGENT_DEFAULT_GUARDS to the guards its operator did not set. */
export function agentDefaultsApply(node: INode): boolean {
	return runsAsTool(node) && node.typeVersion >= AGENT_DEFAULTS_FROM_VERSION;
}

export function readGuards(context: IExecuteFunctions, itemIndex: number): Guards {
	const values = context.getNodeParameter('guards', itemIndex, {}) as IDataObject;
	const node = context.getNode();
	const defaults: Partial<Record<keyof typeof AGENT_DEFAULT_GUARDS, number>> = agentDefaultsApply(
		node,
	)
		? AGENT_DEFAULT_GUARDS
		: {};
	// a guard the operator added counts as set (0 turns it off); one not added takes the default
	const limit = (name: keyof typeof AGENT_DEFAULT_GUARDS) =>
		name in values ? positiveOrUndefined(values[name]) : defaults[name];
	return {
		dryRun: values.dryRun === true,
		maxRecipients: limit('maxRecipients'),
		allowWholeAudienceLists:
			values.allowWholeAudienceLists === undefined
				? node.typeVersion < WHOLE_AUDIENCE_REFUSED_FROM_VERSION
				: values.allowWholeAudienceLists === true,
		maxPrice: limit('maxPrice'),
		duplicateWindowMinutes: limit('duplicateWindowMinutes'),
		maxPpvsPerFan: positiveOrUndefined(values.maxPpvsPerFan),
		ppvWindowHours: positiveOrUndefined(values.ppvWindowHours) ?? DEFAULT_PPV_WINDOW_HOURS,
		maxDiscountPercent:
			positiveOrUndefined(values.maxDiscountPercent) ?? DEFAULT_MAX_DISCOUNT_PERCENT,
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

/** Max Discount: a fan's subscription discount above the operator's ceiling. */
export function checkDiscount(
	node: INode,
	itemIndex: number,
	guards: Guards,
	percent: number,
): void {
	if (percent <= guards.maxDiscountPercent) return;
	throw guardRefusal(
		node,
		itemIndex,
		'maxDiscountPercent',
		`the discount of ${percent}% is above the ceiling of ${guards.maxDiscountPercent}%`,
		`Give ${guards.maxDiscountPercent}% or less, or ask the operator to raise the ceiling.`,
	);
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
	/** 'read': counted by reading the members (the API gave no count); 'atLeast': that read stopped past the cap. */
	counted?: 'read' | 'atLeast';
}

/** Members counted by reading a list the API gave no count for: `complete` false when it stopped past the cap. */
export interface MemberCount {
	count: number;
	complete: boolean;
}

/**
 * Max Recipients: fan IDs plus each list's members (before exclusions, so never an undercount).
 * `known`: the account's user lists; `memberCounts`: lists whose members were counted by reading
 * them, because the API gave no count (at least that many: a count stops once it passes the cap).
 */
export function countRecipients(
	fanIds: number[],
	lists: UserListId[],
	known: KnownUserList[],
	memberCounts: ReadonlyMap<string, MemberCount> = new Map(),
): { upTo: number; lists: CountedList[]; uncounted: UserListId[] } {
	const counted: CountedList[] = [];
	const uncounted: UserListId[] = [];
	for (const id of lists) {
		const list = known.find((entry) => String(entry.id) === String(id));
		const name = String(list?.name ?? id);
		const given = memberCountOf(list);
		const read = memberCounts.get(String(id));
		if (given !== undefined) counted.push({ id, name, usersCount: given });
		else if (read)
			counted.push({
				id,
				name,
				usersCount: read.count,
				counted: read.complete ? 'read' : 'atLeast',
			});
		else uncounted.push(id);
	}
	const upTo = counted.reduce((sum, list) => sum + (list.usersCount ?? 0), fanIds.length);
	return { upTo, lists: counted, uncounted };
}

/** The member count the API gave for a list; undefined when it gave none (or not a count). */
function memberCountOf(list: KnownUserList | undefined): number | undefined {
	if (!list || list.usersCount === undefined || list.usersCount === null || list.usersCount === '')
		return undefined;
	const count = Number(list.usersCount);
	return Number.isSafeInteger(count) && count >= 0 ? count : undefined;
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
			`the members of list ${count.uncounted.join(', ')} could not be counted, so the recipients cannot be held to ${guards.maxRecipients}`,
			'Use fan IDs or lists of this account, or remove the guard.',
		);
	}
	if (count.upTo > guards.maxRecipients) {
		throw guardRefusal(
			node,
			itemIndex,
			'maxRecipients',
			`it could reach ${count.lists.some((list) => list.counted === 'atLeast') ? 'more than' : 'up to'} ${count.upTo} fans, more than the ${guards.maxRecipients} allowed`,
			'Choose a smaller list or fewer fan IDs, or ask the operator to raise the limit.',
		);
	}
}

/**
 * Max PPVs per Fan: the PPVs this fan was offered within the window (in the chat, and earlier in
 * this run), with this one, may not exceed the operator's limit.
 */
export function checkPpvsPerFan(
	node: INode,
	itemIndex: number,
	guards: Guards,
	fanId: string,
	offered: { inChat: number; earlierInRun: number; chatReadWhole: boolean },
): void {
	if (guards.maxPpvsPerFan === undefined) return;
	const total = offered.inChat + offered.earlierInRun;
	if (total + 1 <= guards.maxPpvsPerFan) return;
	const where = [
		offered.inChat ? `${offered.inChat} in the chat` : '',
		offered.earlierInRun
			? `${offered.earlierInRun} from earlier item${offered.earlierInRun === 1 ? '' : 's'} of this run`
			: '',
	]
		.filter(Boolean)
		.join(' and ');
	throw guardRefusal(
		node,
		itemIndex,
		'maxPpvsPerFan',
		`fan ${fanId} was offered ${total} PPV${total === 1 ? '' : 's'} within the last ${guards.ppvWindowHours} hours (${where || 'none found'}${offered.chatReadWhole ? '' : ', counting only the newest messages read'}); the limit is ${guards.maxPpvsPerFan}`,
		'Send it later, to another fan, or free; or ask the operator to raise the limit.',
	);
}

/** What makes two messages "the same" for Duplicate Protection: visible text, price, media count. */
export function messageFingerprint(text: unknown, price: unknown, mediaCount: number): string {
	// the API returns text as HTML (entities, <p>): read as plain text the one way the node does
	const plain = (plainText(String(text ?? '')) ?? '')
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
