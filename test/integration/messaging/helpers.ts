import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { OfAuthSimulator, RecordedRequest } from '../../simulator';

/** A resource locator value as the n8n editor stores it. */
export function locator(
	value: unknown,
	mode: 'list' | 'id' | 'url' | 'reference' = 'id',
): INodeParameters {
	return { __rl: true, mode, value } as INodeParameters;
}

/** The Media fixed collection with one entry per value: [mode, value] or a bare vault ID. */
export function mediaEntries(
	...entries: Array<string | ['list' | 'id' | 'reference', string]>
): INodeParameters {
	return {
		items: entries.map((entry) => {
			const [mode, value] = Array.isArray(entry) ? entry : (['id', entry] as const);
			return { item: locator(value, mode) };
		}),
	} as INodeParameters;
}

/** Requests the node made to the simulator (control calls excluded), optionally only one method. */
export function apiRequests(sim: OfAuthSimulator, method?: string): RecordedRequest[] {
	return sim.requests.filter(
		(request) => request.path.startsWith('/v2/') && (!method || request.method === method),
	);
}

/** The `pairedItem.item` of each output item. */
export function pairedItems(items: INodeExecutionData[]): Array<number | undefined> {
	return items.map((item) => {
		const paired = item.pairedItem;
		return typeof paired === 'object' && paired !== null && !Array.isArray(paired)
			? paired.item
			: undefined;
	});
}

/** A fan that has a chat with at least `minMessages` messages, of which at least `minFromCreator` from the creator. */
export function fanWithMessages(
	sim: OfAuthSimulator,
	minMessages: number,
	minFromCreator = 0,
): number {
	const chat = sim.state.chats.find(
		(candidate) =>
			candidate.messages.length >= minMessages &&
			candidate.messages.filter((message) => message.fromUser.id === sim.state.creator.id).length >=
				minFromCreator,
	);
	if (!chat) throw new Error(`no seeded chat with ${minMessages} messages`);
	return chat.withUserId;
}
