import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readGuards } from '../../model/guards';
import type { UserListId } from '../../model/userLists';
import { adapterOf } from '../../service';
import type { ProviderRequest } from '../../service';
import { apiData, readList } from '../../transport';
import { readConnectionField } from '../../transport/connection';
import { shownRequest } from '../guardedSend';
import type { ExecutionScope, Send } from '../types';
import { readFanIds, readUserListId } from './userListField';

type Change = 'add' | 'remove';

/**
 * The fans on a list, read once per run, account and list (every page), and kept up to date by the
 * adds and removes of this run: so a fan already in (or already out) is told apart from one this
 * item changed, and is not an error.
 */
async function membersOf(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	listId: UserListId,
): Promise<Set<string>> {
	const account = readConnectionField(context, itemIndex);
	return await scope.once(`listMembers:${account}:${String(listId)}`, async () => {
		const members = await readList(
			context,
			{ method: 'GET', itemIndex, ...adapterOf(context).listUserListMembers(listId) },
			{ returnAll: true, limit: 0 },
		);
		return new Set(members.map((fan) => String(fan.id)));
	});
}

const WORDS = {
	add: { done: 'added', unchanged: 'alreadyIn', verb: 'added to' },
	remove: { done: 'removed', unchanged: 'notIn', verb: 'removed from' },
} as const;

/**
 * Add Fans / Remove Fans: one or many fans per item. The list's members are read first (in the
 * item's check, before anything of the run is sent); then only the fans that change are sent, one
 * request per fan or a few per request (as the service takes them), paced by the account's rate
 * limit like every send, one item at a time per list. The output says which fans changed and which
 * already were as asked.
 */
export function prepareMembershipChange(
	context: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
	change: Change,
): Send {
	const listId = readUserListId(context, itemIndex, {
		ownOnly: false,
		what: change === 'add' ? 'added to' : 'removed from',
	});
	const fanIds = readFanIds(context, itemIndex);
	const guards = readGuards(context, itemIndex);
	const adapter = adapterOf(context);
	const words = WORDS[change];
	let members: Set<string> = new Set();

	const send: Send = async (): Promise<INodeExecutionData[]> => {
		const changing = fanIds.filter((id) => members.has(id) === (change === 'remove'));
		const unchanged = fanIds.filter((id) => !changing.includes(id));
		const requests: Array<{ request: ProviderRequest; fanIds: string[] }> =
			change === 'add'
				? adapter
						.addFansToUserList(listId, changing)
						.map((request) => ({ request, fanIds: idsIn(request, changing) }))
				: changing.map((id) => ({
						request: adapter.removeFanFromUserList(listId, id),
						fanIds: [id],
					}));
		const summary = (done: string[]) => ({
			listId,
			[words.done]: done.map(Number),
			[words.unchanged]: unchanged.map(Number),
		});
		if (guards.dryRun) {
			scope.noteOutcome(itemIndex, 'dryRun');
			const shown = [];
			for (const { request } of requests)
				shown.push(await shownRequest(context, itemIndex, request));
			return [
				{
					json: {
						dryRun: true,
						sent: false,
						provider: adapter.label,
						...summary(changing),
						requests: shown,
					},
				},
			];
		}
		const done: string[] = [];
		for (const { request, fanIds: ids } of requests) {
			try {
				await apiData(context, { ...request, itemIndex });
			} catch (error) {
				const failure =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
				if (done.length) {
					failure.description = `${failure.description ? `${failure.description} ` : ''}Before this failure ${done.length} fan${done.length === 1 ? ' was' : 's were'} ${words.verb} the list: ${done.join(', ')}.`;
				}
				throw failure;
			}
			for (const id of ids) {
				done.push(id);
				if (change === 'add') members.add(id);
				else members.delete(id);
			}
		}
		scope.noteOutcome(itemIndex, 'sent');
		return [{ json: summary(done) }];
	};
	send.lane = {
		account: readConnectionField(context, itemIndex),
		recipient: `list:${String(listId)}`,
	};
	send.check = async () => {
		members = await membersOf(context, itemIndex, scope, listId);
	};
	return send;
}

/** The fans one add request carries: the IDs in its body, else the one in its path. */
function idsIn(request: ProviderRequest, candidates: string[]): string[] {
	const ids = request.body?.ids;
	if (Array.isArray(ids)) return ids.map(String);
	const last = request.path.split('/').pop() ?? '';
	return candidates.filter((id) => id === decodeURIComponent(last));
}
