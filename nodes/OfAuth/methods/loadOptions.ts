import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { paginateOffset } from '../transport';

/** Creators who signed a partner release form, for Options > Release Form Partners (value: their OnlyFans user ID). */
export async function getReleaseFormPartners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const forms = await paginateOffset(
		this,
		{ method: 'GET', path: '/v2/access/self/release-forms' },
		{ returnAll: true, limit: 0, pageSize: 100 },
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
