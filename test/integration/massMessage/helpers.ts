import type { INodeParameters } from 'n8n-workflow';

import type { OfAuthSimulator } from '../../simulator';

export { apiRequests, mediaEntries, pairedItems } from '../messaging/helpers';

/** ISO 8601 UTC with milliseconds: the one format the node sends dates in. */
export const API_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Parameters of a Mass Message > Create node (plus overrides). */
export function create(parameters: INodeParameters): INodeParameters {
	return { resource: 'massMessage', operation: 'create', ...parameters };
}

/** The fan IDs of one user list in the simulator (numeric ID or built-in type). */
export function listMembers(sim: OfAuthSimulator, id: number | string): number[] {
	const list = sim.state.userLists.find((entry) => String(entry.id) === String(id));
	if (!list) throw new Error(`no user list ${id} in the simulator`);
	return list.userIds;
}

/** Fan IDs the simulator counts as subscribed after a time. */
export function subscribedAfter(sim: OfAuthSimulator, ids: number[], iso: string): number[] {
	return ids.filter(
		(id) =>
			Date.parse(sim.state.fans.find((fan) => fan.id === id)!.subscription.subscribedAt) >
			Date.parse(iso),
	);
}
