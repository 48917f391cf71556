import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { onlyFansApiCredentials, simulatorCredentials, useSimulator } from '../../harness';
import { runListSearch, runLoadOptions } from '../../harness/loadOptions';
import type { OfAuthSimulator } from '../../simulator';
import { VIP_LIST_ID } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';

/** The pickers of the node (listSearch, loadOptions) with each provider, on the same seeded world. */
const PROVIDERS: Array<{
	name: 'ofAuthApi' | 'onlyFansApi';
	credentials: (sim: OfAuthSimulator) => ICredentialDataDecryptedObject;
}> = [
	{ name: 'ofAuthApi', credentials: (sim) => simulatorCredentials(sim) },
	{ name: 'onlyFansApi', credentials: (sim) => onlyFansApiCredentials(sim) },
];

describe.each(PROVIDERS)('pickers with $name', (provider) => {
	const sim = useSimulator();
	const spec = (filter?: string) => ({
		parameters: { authentication: provider.name, resource: 'message', operation: 'send' },
		credentials: provider.credentials(sim()),
		filter,
	});

	test('Connection lists the linked accounts, each with its own kind of ID', async () => {
		const { results } = await runListSearch('searchConnections', spec());
		const active =
			provider.name === 'ofAuthApi' ? sim().connectionId : accountIdOf(sim().connectionId);
		expect(results.map((entry) => entry.value)).toContain(active);
		if (provider.name === 'onlyFansApi') {
			expect(results.some((entry) => /not authenticated: reconnect it/.test(entry.name))).toBe(
				true,
			);
		}
	});

	test('Fan lists fans with a chat, searchable', async () => {
		const first = await runListSearch('searchFans', spec());
		expect(first.results.length).toBeGreaterThan(0);
		const name = first.results[0].name.split(' · ')[0];
		const found = await runListSearch('searchFans', spec(name));
		expect(found.results[0].value).toBe(first.results[0].value);
	});

	test('user lists by name, vault media and vault lists', async () => {
		const lists = await runListSearch('searchUserLists', spec('vip'));
		expect(lists.results.map((entry) => entry.value)).toContain(String(VIP_LIST_ID));
		const media = await runListSearch('searchVaultMedia', spec());
		expect(media.results.length).toBe(40);
		expect(media.paginationToken).toBe('40');
		const vaultLists = await runListSearch('searchVaultLists', spec());
		expect(vaultLists.results.length).toBeGreaterThan(0);
		const options = await runLoadOptions('getUserLists', spec());
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining(['fans', VIP_LIST_ID]),
		);
	});
});
