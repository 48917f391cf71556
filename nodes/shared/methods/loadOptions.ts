import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readList } from '../transport';
import { adapterOf } from '../service';

/** Creators who signed a partner release form, for Options > Release Form Partners (value: their OnlyFans user ID). */
export async function getReleaseFormPartners(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	// a service with no documented list of release forms: the field then takes IDs typed in
	const releaseForms = adapterOf(this).listReleaseForms?.();
	if (!releaseForms) return [];
	const forms = await readList(
		this,
		{ method: 'GET', itemIndex: undefined, ...releaseForms },
		{ returnAll: true, limit: 0 },
	);
	return forms
		.filter((form) => form.type === 'partner' && form.user && typeof form.user === 'object')
		.map((form) => {
			const user = form.user as IDataObject;
			return {
				name: `${String(user.name ?? form.name)}${user.username ? ` (@${user.username as string})` : ''}`,
				value: Number(user.id),
				description: `OnlyFans user ${String(user.id)}${form.status && form.status !== 'approved' ? `, release form ${String(form.status)}` : ''}`,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The most lists getUserLists reads (100 per request), so a huge account still opens the picker quickly. */
const MAX_USER_LISTS = 1000;

/**
 * User lists for the mass-message audience pickers: the built-in lists the API returns (value: their
 * type, e.g. 'fans', 'following') and the creator's own lists (value: their numeric ID), in the API's order.
 */
export async function getUserLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await readList(
		this,
		{ method: 'GET', itemIndex: undefined, ...adapterOf(this).listUserLists() },
		{ returnAll: false, limit: MAX_USER_LISTS },
	);
	return lists
		.filter(
			(list) => typeof list.id === 'number' || (typeof list.id === 'string' && list.id !== ''),
		)
		.map((list) => {
			const builtIn = typeof list.id === 'string' && !/^\d+$/.test(list.id);
			const count = typeof list.usersCount === 'number' ? `${list.usersCount} fans` : undefined;
			return {
				name: `${String(list.name ?? list.id)}${builtIn ? ' (built-in)' : ''}`,
				value: builtIn ? (list.id as string) : Number(list.id),
				description: [
					count,
					builtIn ? `list type "${String(list.id)}"` : `list ID ${String(list.id)}`,
				]
					.filter(Boolean)
					.join(', '),
			};
		});
}
