import { z } from 'zod';

import { toEntryList } from './ids';

/** User lists as the user names them in a mass message's audience, and how a name becomes a list ID. */

/** A user list is a number (a list the creator made) or the type name of a built-in list ('fans', 'following', ...). */
export type UserListId = number | string;

const LIST_ID_PROBLEM =
	'must be a user list: digits for a list you made (e.g. 1001), a built-in list such as fans or rebill_on, or the name of one of your lists';

/**
 * One user list as the user gave it: a positive whole number (also as digits) is a list ID; any other
 * text is a built-in list type ('fans') or a list's name, checked against the creator's lists before
 * anything is sent (resolveUserListReference).
 */
export const userListId = z.unknown().transform((value, context): UserListId => {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^\d+$/.test(text) && Number(text) > 0 && Number.isSafeInteger(Number(text)))
			return Number(text);
		if (text !== '' && !/^[-+]?\d/.test(text)) return text;
	}
	const shown =
		typeof value === 'string' || typeof value === 'number' ? `"${String(value)}"` : typeof value;
	context.addIssue({
		code: z.ZodIssueCode.custom,
		message: `${LIST_ID_PROBLEM}; ${shown} is none of these`,
	});
	return z.NEVER;
});

/** A user list as GET /v2/access/users/lists returns it (built-in lists have their type as id). */
export interface KnownUserList {
	id?: unknown;
	type?: unknown;
	name?: unknown;
	/** How many fans are on it, when the API says. */
	usersCount?: unknown;
}

/** How many lists a "not one of your lists" error names. */
const NAMED_LISTS = 30;

function describeLists(lists: KnownUserList[]): string {
	const names = lists
		.slice(0, NAMED_LISTS)
		.map((list) => `${String(list.name ?? list.id)} (${String(list.id)})`);
	const more = lists.length > NAMED_LISTS ? `, and ${lists.length - NAMED_LISTS} more` : '';
	return names.length ? `${names.join(', ')}${more}` : 'the account has no user lists';
}

/**
 * A text list reference -> the list ID to send: a built-in list by its id or type, else any list by
 * its name (case-insensitive). A reference that matches no list, or several, is a problem to show.
 */
export function resolveUserListReference(
	reference: string,
	lists: KnownUserList[],
): { id: UserListId } | { problem: string } {
	const wanted = reference.trim().toLowerCase();
	const builtIn = lists.find(
		(list) =>
			typeof list.id === 'string' &&
			(list.id.toLowerCase() === wanted || String(list.type ?? '').toLowerCase() === wanted),
	);
	if (builtIn) return { id: builtIn.id as string };
	const named = lists.filter(
		(list) => typeof list.name === 'string' && list.name.trim().toLowerCase() === wanted,
	);
	const usable = named.filter(
		(list) => typeof list.id === 'number' || (typeof list.id === 'string' && list.id !== ''),
	);
	if (usable.length === 1) {
		const id = usable[0].id as number | string;
		return { id: typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id };
	}
	if (usable.length > 1) {
		return {
			problem: `"${reference}" is the name of ${usable.length} lists (${describeLists(usable)}): use the list ID instead`,
		};
	}
	return {
		problem: `"${reference}" is not one of this account's user lists. The lists are: ${describeLists(lists)}. Pick one in the field or use its ID`,
	};
}

export const userListIdList = z.preprocess(toEntryList, z.array(userListId));
