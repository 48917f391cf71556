import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, useSimulator } from '../../harness';
import { FIRST_VAULT_MEDIA_ID, VIP_LIST_ID, WHALES_LIST_ID } from '../../simulator';
import { apiRequests, create, mediaEntries, pairedItems } from './helpers';

const PHOTO = FIRST_VAULT_MEDIA_ID;

describe('Mass Message > Get, Update, Delete', () => {
	const sim = useSimulator();
	const run = async (parameters: INodeParameters, items?: INodeExecutionData[]) =>
		await runNode(
			{ resource: 'massMessage', ...parameters },
			{ credentials: simulatorCredentials(sim()), items },
		);

	/** A scheduled mass message made through the node; returns its id. */
	async function scheduled(): Promise<number> {
		const result = await runNode(
			create({
				text: 'draft',
				userIds: '100001',
				sendAt: 'scheduled',
				scheduledDate: '2031-03-01T12:00:00Z',
			}),
			{
				credentials: simulatorCredentials(sim()),
			},
		);
		expect(result.error).toBeUndefined();
		sim().clearRequests();
		return result.output()[0].json.id as number;
	}

	test('Get: GET /v2/access/mass-messages/{id}, output is the mass message', async () => {
		const id = await scheduled();
		const result = await run({ operation: 'get', massMessageId: ` ${id} ` });
		expect(result.error).toBeUndefined();
		const gets = apiRequests(sim());
		expect(gets.map((request) => `${request.method} ${request.rawPath}`)).toEqual([
			`GET /v2/access/mass-messages/${id}`,
		]);
		expect(gets[0].headers['x-connection-id']).toBe(sim().connectionId);
		expect(result.output()[0].json).toMatchObject({
			id,
			text: 'draft',
			isDone: false,
			scheduledDate: '2031-03-01T12:00:00.000Z',
		});
		expect(pairedItems(result.output())).toEqual([0]);
	});

	test('Get of one that does not exist: the API error (404) names the problem', async () => {
		const result = await run({ operation: 'get', massMessageId: '999999' });
		expect(result.error?.message).toMatch(/not found|404/i);
		expect(apiRequests(sim())).toHaveLength(1);
	});

	test('Update: PUT with the same body as Create (PPV, lists, exclusions, new schedule)', async () => {
		const id = await scheduled();
		const result = await run({
			operation: 'update',
			massMessageId: String(id),
			text: 'final version',
			userLists: ['fans'],
			audienceFilters: { excludeUserLists: [WHALES_LIST_ID] },
			payPerView: true,
			price: 7.5,
			previewMediaCount: 1,
			media: mediaEntries(String(PHOTO), String(PHOTO + 1)),
			sendAt: 'scheduled',
			scheduledDate: '2031-03-02T08:00:00',
		});
		expect(result.error).toBeUndefined();
		const puts = apiRequests(sim(), 'PUT');
		expect(puts).toHaveLength(1);
		expect(puts[0].path).toBe(`/v2/access/mass-messages/${id}`);
		expect(puts[0].body).toEqual({
			text: 'final version',
			isMarkdown: true,
			mediaItems: [PHOTO, PHOTO + 1],
			price: 7.5,
			previewMediaCount: 1,
			userLists: ['fans'],
			excludeUserLists: [WHALES_LIST_ID],
			scheduledDate: '2031-03-02T13:00:00.000Z',
		});
		expect(apiRequests(sim(), 'POST')).toHaveLength(0);
		const stored = sim().state.massMessages.find((entry) => entry.id === id)!;
		expect(stored).toMatchObject({
			text: 'final version',
			price: 7.5,
			scheduledDate: '2031-03-02T13:00:00.000Z',
		});
		expect(result.output()[0].json).toMatchObject({ id, text: 'final version', price: 7.5 });
		expect(pairedItems(result.output())).toEqual([0]);
	});

	test('Update to send now: no scheduledDate in the body', async () => {
		const id = await scheduled();
		const result = await run({
			operation: 'update',
			massMessageId: String(id),
			text: 'go now',
			userLists: [VIP_LIST_ID],
		});
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'PUT').map((request) => request.body)).toEqual([
			{ text: 'go now', isMarkdown: true, userLists: [VIP_LIST_ID] },
		]);
		expect(result.output()[0].json).toMatchObject({ id, isDone: true });
	});

	test('Delete: DELETE /v2/access/mass-messages/{id}; it is gone; output says which one', async () => {
		const id = await scheduled();
		const result = await run({ operation: 'delete', massMessageId: String(id) });
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim()).map((request) => `${request.method} ${request.path}`)).toEqual([
			`DELETE /v2/access/mass-messages/${id}`,
		]);
		expect(sim().state.massMessages.some((entry) => entry.id === id)).toBe(false);
		expect(result.output().map((item) => item.json)).toEqual([
			{ massMessageId: id, success: true },
		]);
		expect(pairedItems(result.output())).toEqual([0]);
	});

	test('Delete (unsend) a sent one, one per input item, ids from the rows', async () => {
		const [first, second] = sim()
			.state.massMessages.slice(0, 2)
			.map((entry) => entry.id);
		const result = await run({ operation: 'delete', massMessageId: '={{ $json.id }}' }, [
			{ json: { id: first } },
			{ json: { id: String(second) } },
		]);
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'DELETE').map((request) => request.path)).toEqual([
			`/v2/access/mass-messages/${first}`,
			`/v2/access/mass-messages/${second}`,
		]);
		expect(result.output().map((item) => item.json.massMessageId)).toEqual([first, second]);
		expect(pairedItems(result.output())).toEqual([0, 1]);
	});

	test('the Delete field hint says that deleting a sent mass message unsends it', async () => {
		const { OfAuth } = await import('../../../nodes/OfAuth/OfAuth.node');
		const field = new OfAuth().description.properties.find(
			(property) =>
				property.name === 'massMessageId' &&
				property.displayOptions?.show?.operation?.includes('delete'),
		);
		expect(field?.description).toMatch(/already sent unsends it/);
	});
});
