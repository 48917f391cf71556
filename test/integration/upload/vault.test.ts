import type { INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, useSimulator } from '../../harness';
import { runListSearch } from '../../harness/loadOptions';
import type { Media, OfAuthSimulator } from '../../simulator';

const vaultCalls = (sim: OfAuthSimulator, path: string) =>
	sim.requests.filter((request) => request.method === 'GET' && request.path === path);
const byDate = (direction: 'asc' | 'desc') => (a: Media, b: Media) =>
	(direction === 'asc' ? 1 : -1) *
	(Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Vault > Get Many Media and Get Many Lists', () => {
	const simulator = useSimulator({ vaultMedia: 150 });

	const media = (extra: INodeParameters) => ({
		resource: 'vault',
		operation: 'getManyMedia',
		...extra,
	});

	it('follows every page with Return All, filtered by type and sorted oldest first', async () => {
		const sim = simulator();
		const photos = sim.state.vaultMedia
			.filter((entry) => entry.type === 'photo')
			.sort(byDate('asc'));
		expect(photos.length).toBeGreaterThan(80); // three pages

		const result = await runNode(
			media({
				returnAll: true,
				filters: { mediaType: 'photo', sortBy: 'recent', sortDirection: 'asc' },
			}),
			{ credentials: simulatorCredentials(sim) },
		);

		expect(result.error).toBeUndefined();
		const pages = Math.ceil(photos.length / 40);
		expect(vaultCalls(sim, '/v2/access/vault/media').map((request) => request.query)).toEqual(
			Array.from({ length: pages }, (_, page) => ({
				mediaType: 'photo',
				sortBy: 'recent',
				sortDirection: 'asc',
				offset: String(page * 40),
				limit: '40',
			})),
		);
		expect(result.output().map((item) => item.json.id)).toEqual(photos.map((entry) => entry.id));
		expect(result.output().map((item) => item.pairedItem)).toEqual(photos.map(() => ({ item: 0 })));
	});

	it('stops at Limit, asking the last page only for what is missing', async () => {
		const sim = simulator();
		const result = await runNode(media({ returnAll: false, limit: 45 }), {
			credentials: simulatorCredentials(sim),
		});

		expect(result.error).toBeUndefined();
		expect(vaultCalls(sim, '/v2/access/vault/media').map((request) => request.query)).toEqual([
			{ offset: '0', limit: '40' },
			{ offset: '40', limit: '5' },
		]);
		const newest = sim.state.vaultMedia.slice().sort(byDate('desc')).slice(0, 45);
		expect(result.output().map((item) => item.json.id)).toEqual(newest.map((entry) => entry.id));
	});

	it('filters by vault list and search text, and simplifies', async () => {
		const sim = simulator();
		const list = sim.state.vaultLists.find((entry) => entry.name === 'PPV Bundles')!;
		const expected = sim.state.vaultMedia
			.filter(
				(entry) => list.mediaIds.includes(entry.id) && entry.filename.toLowerCase().includes('img'),
			)
			.sort(byDate('desc'));
		expect(expected.length).toBeGreaterThan(0);

		const result = await runNode(
			media({
				returnAll: true,
				simplify: true,
				filters: { listId: locator(String(list.id)), query: ' IMG ' },
			}),
			{ credentials: simulatorCredentials(sim) },
		);

		expect(result.error).toBeUndefined();
		expect(vaultCalls(sim, '/v2/access/vault/media')[0].query).toEqual({
			listId: String(list.id),
			query: 'IMG',
			offset: '0',
			limit: '40',
		});
		expect(result.output().map((item) => item.json)).toEqual(
			expected.map((entry) => ({
				id: entry.id,
				type: entry.type,
				isReady: true,
				createdAt: entry.createdAt,
				duration: entry.duration ?? null,
				thumbnailUrl: entry.files.thumb.url,
				fullUrl: entry.files.full.url,
			})),
		);
	});

	it('names an unknown vault list given by ID', async () => {
		const sim = simulator();
		const result = await runNode(
			media({ returnAll: true, filters: { listId: locator('999', 'id') } }),
			{
				credentials: simulatorCredentials(sim),
			},
		);
		expect(result.error?.message).toBe('Not found: Vault list 999 not found');
	});

	it('lists vault lists, all of them or those matching a search', async () => {
		const sim = simulator();
		const all = await runNode(
			{ resource: 'vault', operation: 'getManyLists', returnAll: true },
			{ credentials: simulatorCredentials(sim) },
		);
		expect(all.error).toBeUndefined();
		expect(all.output().map((item) => item.json.name)).toEqual(
			sim.state.vaultLists.map((list) => list.name),
		);
		expect(all.output()[1].json).toEqual(
			expect.objectContaining({
				id: 71002,
				name: 'Videos',
				mediasCount: sim.state.vaultLists[1].mediaIds.length,
			}),
		);
		expect(vaultCalls(sim, '/v2/access/vault/lists').map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
		]);

		sim.clearRequests();
		const found = await runNode(
			{
				resource: 'vault',
				operation: 'getManyLists',
				returnAll: false,
				limit: 10,
				filters: { query: 'video' },
			},
			{ credentials: simulatorCredentials(sim) },
		);
		expect(found.output().map((item) => item.json.name)).toEqual(['Videos']);
		expect(vaultCalls(sim, '/v2/access/vault/lists')[0].query).toEqual({
			query: 'video',
			offset: '0',
			limit: '10',
		});
	});

	describe('pickers', () => {
		it('searchVaultMedia: newest first as "type id · created", value the media ID, next page token', async () => {
			const sim = simulator();
			const spec = {
				parameters: { resource: 'message', operation: 'sendPpv' },
				credentials: simulatorCredentials(sim),
			};
			const first = await runListSearch('searchVaultMedia', spec);
			const newest = sim.state.vaultMedia.slice().sort(byDate('desc'));

			expect(first.results).toHaveLength(40);
			expect(first.paginationToken).toBe('40');
			expect(first.results[0]).toEqual({
				name: `${newest[0].type} ${newest[0].id} · ${newest[0].createdAt.slice(0, 16).replace('T', ' ')}`,
				value: String(newest[0].id),
				url: newest[0].files.thumb.url,
			});
			const second = await runListSearch('searchVaultMedia', {
				...spec,
				paginationToken: first.paginationToken as string,
			});
			expect(second.results[0].value).toBe(String(newest[40].id));

			sim.clearRequests();
			const wanted = sim.state.vaultMedia[7];
			const found = await runListSearch('searchVaultMedia', { ...spec, filter: wanted.filename });
			expect(vaultCalls(sim, '/v2/access/vault/media')[0].query).toEqual({
				limit: '40',
				offset: '0',
				sortBy: 'recent',
				sortDirection: 'desc',
				query: wanted.filename,
			});
			expect(found.results.map((entry) => entry.value)).toEqual([String(wanted.id)]);
			expect(found.paginationToken).toBeUndefined();
		});

		it('searchVaultLists: list name with media count, value the list ID', async () => {
			const sim = simulator();
			const lists = await runListSearch('searchVaultLists', {
				parameters: { resource: 'vault', operation: 'getManyMedia' },
				credentials: simulatorCredentials(sim),
				filter: 'audio',
			});
			const audio = sim.state.vaultLists.find((list) => list.name === 'Audio notes')!;
			expect(lists).toEqual({
				results: [
					{ name: `Audio notes (${audio.mediaIds.length} media)`, value: String(audio.id) },
				],
				paginationToken: undefined,
			});
		});
	});
});
