import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import type { OfAuthSimulator, RecordedRequest } from '../../simulator';
import { FIRST_VAULT_MEDIA_ID, VIP_LIST_ID } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';
import { mediaEntries } from '../messaging/helpers';

/** Mass messages and the vault from one table of cases, against both providers on one seeded world. */
interface ProviderUnderTest {
	name: 'ofAuthApi' | 'onlyFansApi';
	credentials: (sim: OfAuthSimulator) => ICredentialDataDecryptedObject;
	calls: (sim: OfAuthSimulator) => RecordedRequest[];
}

const PROVIDERS: ProviderUnderTest[] = [
	{
		name: 'ofAuthApi',
		credentials: (sim) => simulatorCredentials(sim),
		calls: (sim) => sim.requests.filter((request) => request.path.startsWith('/v2/')),
	},
	{
		name: 'onlyFansApi',
		credentials: (sim) => onlyFansApiCredentials(sim),
		calls: (sim) => sim.requests.filter((request) => request.path.startsWith('/api/')),
	},
];

const PHOTO = String(FIRST_VAULT_MEDIA_ID);
const CLIP = String(FIRST_VAULT_MEDIA_ID + 1);

const create = (parameters: INodeParameters): INodeParameters => ({
	resource: 'massMessage',
	operation: 'create',
	...parameters,
});

async function run(provider: ProviderUnderTest, sim: OfAuthSimulator, parameters: INodeParameters) {
	return await runNode(
		{ ...parameters, authentication: provider.name },
		{ credentials: provider.credentials(sim) },
	);
}

interface CreateCase {
	what: string;
	parameters: INodeParameters;
	ofAuth: IDataObject;
	onlyFansApi: IDataObject;
}

const createCases: CreateCase[] = [
	{
		what: 'a free mass message to fan IDs and a built-in list',
		parameters: create({ text: 'hi all', userIds: '100001, 100002', userLists: ['fans'] }),
		ofAuth: { text: 'hi all', isMarkdown: true, userIds: [100001, 100002], userLists: ['fans'] },
		onlyFansApi: { text: 'hi all', userIds: ['100001', '100002'], userLists: ['fans'] },
	},
	{
		what: 'a PPV mass message to a list by name, one list excluded, the first media as preview',
		parameters: create({
			text: 'new set',
			userLists: '={{ ["fans"] }}',
			payPerView: true,
			price: 15,
			previewMediaCount: 1,
			media: mediaEntries(PHOTO, CLIP),
			audienceFilters: { excludeUserLists: ['VIP'] },
		}),
		ofAuth: {
			text: 'new set',
			isMarkdown: true,
			userLists: ['fans'],
			excludeUserLists: [VIP_LIST_ID],
			mediaItems: [Number(PHOTO), Number(CLIP)],
			price: 15,
			previewMediaCount: 1,
		},
		onlyFansApi: {
			text: 'new set',
			userLists: ['fans'],
			excludedLists: [String(VIP_LIST_ID)],
			mediaFiles: [PHOTO, CLIP],
			price: 15,
			previews: [PHOTO],
		},
	},
];

describe.each(PROVIDERS)('mass messages and the vault with $name', (provider) => {
	const sim = useSimulator();
	const lastPost = () =>
		provider
			.calls(sim())
			.filter((call) => call.method === 'POST')
			.pop();

	test.each(createCases)("creates $what, once, in the provider's own words", async (createCase) => {
		const result = await run(provider, sim(), createCase.parameters);
		expect(result.error).toBeUndefined();
		expect(lastPost()?.body).toEqual(
			provider.name === 'ofAuthApi' ? createCase.ofAuth : createCase.onlyFansApi,
		);
		const posts = provider.calls(sim()).filter((call) => call.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(result.output()[0].json).toMatchObject({ total: expect.any(Number) });
	});

	test('gets and deletes the mass message it created', async () => {
		const created = await run(provider, sim(), create({ text: 'to delete', userIds: '100003' }));
		const id = String(created.output()[0].json.id);
		const got = await run(provider, sim(), {
			resource: 'massMessage',
			operation: 'get',
			massMessageId: id,
		});
		const deleted = await run(provider, sim(), {
			resource: 'massMessage',
			operation: 'delete',
			massMessageId: id,
		});
		expect([got.error, deleted.error]).toEqual([undefined, undefined]);
		const account = accountIdOf(sim().connectionId);
		const expected =
			provider.name === 'ofAuthApi'
				? `/v2/access/mass-messages/${id}`
				: `/api/${account}/mass-messaging/${id}`;
		expect(
			provider
				.calls(sim())
				.filter((call) => call.method !== 'POST')
				.map((call) => `${call.method} ${call.path}`),
		).toEqual([`GET ${expected}`, `DELETE ${expected}`]);
	});

	test('updates the mass message it created with the whole message again', async () => {
		const created = await run(provider, sim(), create({ text: 'draft', userIds: '100004' }));
		const id = String(created.output()[0].json.id);
		const updated = await run(provider, sim(), {
			resource: 'massMessage',
			operation: 'update',
			massMessageId: id,
			text: 'final',
			userIds: '100004, 100005',
		});
		expect(updated.error).toBeUndefined();
		const put = provider.calls(sim()).find((call) => call.method === 'PUT');
		expect(put?.body).toEqual(
			provider.name === 'ofAuthApi'
				? { text: 'final', isMarkdown: true, userIds: [100004, 100005] }
				: { text: 'final', userIds: ['100004', '100005'] },
		);
	});

	test('reads the same sent statistics, vault media and vault lists as the other provider', async () => {
		const reads = await readsWith(provider, sim());
		const other = await readsWith(PROVIDERS.find((entry) => entry !== provider)!, sim());
		expect(reads).toEqual(other);
		expect(reads.vaultMedia).toHaveLength(45);
		expect(reads.sent.length).toBeGreaterThan(0);
	});
});

async function readsWith(provider: ProviderUnderTest, sim: OfAuthSimulator) {
	const ids = async (parameters: INodeParameters) =>
		(await run(provider, sim, parameters)).output().map((item) => item.json.id);
	return {
		sent: await ids({
			resource: 'massMessage',
			operation: 'getSentStats',
			returnAll: false,
			limit: 5,
		}),
		vaultMedia: await ids({
			resource: 'vault',
			operation: 'getManyMedia',
			returnAll: false,
			limit: 45,
		}),
		vaultLists: await ids({ resource: 'vault', operation: 'getManyLists', returnAll: true }),
	};
}

describe('what OnlyFansAPI.com cannot take stops the item before anything is sent', () => {
	const sim = useSimulator();
	const onlyFansApi = PROVIDERS[1];

	test.each([
		[
			'Subscribed After',
			create({
				text: 'x',
				userLists: ['fans'],
				audienceFilters: { subscribedAfterDate: '2025-01-01T00:00:00Z' },
			}),
			/^Invalid "Subscribed After" on item 0: has no OnlyFansAPI.com equivalent/,
		],
		[
			'excluded lists on an update',
			{
				resource: 'massMessage',
				operation: 'update',
				massMessageId: '9001',
				text: 'x',
				userLists: ['fans'],
				audienceFilters: { excludeUserLists: ['VIP'] },
			},
			/^Invalid "Exclude User List Names or IDs" on item 0: has no OnlyFansAPI.com equivalent/,
		],
	])('%s', async (_what, parameters, error) => {
		const result = await run(onlyFansApi, sim(), parameters as INodeParameters);
		expect(result.error?.message).toMatch(error);
		expect(onlyFansApi.calls(sim()).filter((call) => call.method !== 'GET')).toHaveLength(0);
	});
});
