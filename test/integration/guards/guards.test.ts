import type { INodeParameters, NodeOperationError } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import { FIRST_VAULT_MEDIA_ID, VIP_LIST_ID } from '../../simulator';
import type { OfAuthSimulator } from '../../simulator';
import { listMembers } from '../massMessage/helpers';
import { locator, mediaEntries, pairedItems } from '../messaging/helpers';

/**
 * Guards (node version 1.2): limits the operator sets once, that hold for a person, a schedule and an
 * agent alike. Each refusal names the guard and its setting and sends nothing; a dry run answers with
 * the exact request and sends nothing. Both services, against the simulator.
 */
const FAN = 100070;
const PHOTO = String(FIRST_VAULT_MEDIA_ID);

const providers = [
	['ofAuthApi', simulatorCredentials],
	['onlyFansApi', onlyFansApiCredentials],
] as const;

/** Sends the node made (POST and PUT), whichever service's paths. */
const sends = (sim: OfAuthSimulator) =>
	sim.requests.filter((request) => request.method === 'POST' || request.method === 'PUT');

describe.each(providers)('Guards with %s', (authentication, credentialsOf) => {
	const sim = useSimulator({ fans: 100, vaultMedia: 5 });
	const run = async (
		parameters: INodeParameters,
		options: { items?: number; typeVersion?: number; continueOnFail?: boolean } = {},
	) =>
		await runNode(
			{ ...parameters, authentication },
			{
				credentials: credentialsOf(sim()),
				typeVersion: options.typeVersion ?? 1.2,
				continueOnFail: options.continueOnFail,
				items: Array.from({ length: options.items ?? 1 }, (_, index) => ({ json: { index } })),
			},
		);
	const massMessage = (parameters: INodeParameters): INodeParameters => ({
		resource: 'massMessage',
		operation: 'create',
		text: 'Weekend special',
		...parameters,
	});
	const sendMessage = (parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'send',
		fan: locator(String(FAN)),
		text: 'Thanks for the tip!',
		...parameters,
	});
	const sendPpv = (parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'sendPpv',
		fan: locator(String(FAN)),
		price: 100,
		media: mediaEntries(PHOTO),
		text: 'Something special',
		...parameters,
	});

	test('a mass message to all fans is refused unless Allow Whole-Audience Lists is on; nothing is sent', async () => {
		const refused = await run(massMessage({ userLists: ['fans'] }));
		expect(refused.error?.message).toMatch(
			/^Refused by the guard "Allow Whole-Audience Lists" on item 0: the audience includes "fans", a list of the whole audience, which is not allowed\. Nothing was sent/,
		);
		expect((refused.error as NodeOperationError).description).toMatch(
			/The guard is set in "Guards > Allow Whole-Audience Lists"\./,
		);
		expect(sends(sim())).toEqual([]);

		const allowed = await run(
			massMessage({ userLists: ['fans'], guards: { allowWholeAudienceLists: true } }),
		);
		expect(allowed.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(1);
	});

	test('a node added before version 1.2 keeps sending to whole-audience lists', async () => {
		const kept = await run(massMessage({ userLists: ['fans'] }), { typeVersion: 1.1 });
		expect(kept.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(1);
	});

	test('Max Recipients counts fan IDs plus list members, refuses above the cap, sends at it', async () => {
		const members = listMembers(sim(), VIP_LIST_ID).length;
		const upTo = members + 2;
		const audience = { userLists: [VIP_LIST_ID], userIds: '100001, 100002' };
		const refused = await run(massMessage({ ...audience, guards: { maxRecipients: upTo - 1 } }));
		expect(refused.error?.message).toContain(
			`Refused by the guard "Max Recipients" on item 0: it could reach up to ${upTo} fans, more than the ${upTo - 1} allowed. Nothing was sent`,
		);
		expect(sends(sim())).toEqual([]);

		const sent = await run(massMessage({ ...audience, guards: { maxRecipients: upTo } }));
		expect(sent.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(1);
	});

	test('Max Price refuses a PPV above the ceiling, for one fan and for a mass message', async () => {
		const refused = await run(sendPpv({ guards: { maxPrice: 50 } }));
		expect(refused.error?.message).toMatch(
			/^Refused by the guard "Max Price \(USD\)" on item 0: the price 100 USD is above the ceiling of 50 USD\. Nothing was sent/,
		);
		const mass = await run(
			massMessage({
				userIds: '100001',
				payPerView: true,
				price: 60,
				media: mediaEntries(PHOTO),
				guards: { maxPrice: 50 },
			}),
		);
		expect(mass.error?.message).toMatch(/^Refused by the guard "Max Price \(USD\)"/);
		expect(sends(sim())).toEqual([]);

		const atCeiling = await run(sendPpv({ price: 50, guards: { maxPrice: 50 } }));
		expect(atCeiling.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(1);
	});

	test('Duplicate Protection skips the same message to the same fan in a later run, and says why', async () => {
		const guards = { duplicateWindowMinutes: 60 };
		const first = await run(sendMessage({ guards }));
		expect(first.error).toBeUndefined();
		expect(first.output()[0].json).not.toHaveProperty('skipped');

		const again = await run(sendMessage({ guards }));
		expect(again.error).toBeUndefined();
		const [skipped] = again.output();
		expect(skipped.json).toMatchObject({
			skipped: true,
			sent: false,
			guard: 'Duplicate Protection (Minutes)',
			reason: expect.stringMatching(
				new RegExp(
					`^the same message went to fan ${FAN} 0 minutes ago \\(message \\d+\\), within the 60-minute window; it was not sent again$`,
				),
			),
		});
		expect(pairedItems(again.output())).toEqual([0]);

		const other = await run(sendMessage({ text: 'A different message', guards }));
		expect(other.output()[0].json).not.toHaveProperty('skipped');
		expect(sends(sim())).toHaveLength(2);
	});

	test('Duplicate Protection sends a repeat within one run once; the other item says which it repeats', async () => {
		const result = await run(sendMessage({ guards: { duplicateWindowMinutes: 10 } }), { items: 2 });
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(output[0].json).not.toHaveProperty('skipped');
		expect(output[1].json).toMatchObject({
			skipped: true,
			reason: `item 0 of this run is the same message to fan ${FAN} and was sent; it is sent once`,
		});
		expect(pairedItems(output)).toEqual([0, 1]);
		expect(sends(sim())).toHaveLength(1);
	});

	test('Duplicate Protection refuses the same mass message sent again within the window', async () => {
		const guards = { duplicateWindowMinutes: 60 };
		const first = await run(massMessage({ userIds: '100001, 100002', guards }));
		expect(first.error).toBeUndefined();
		const again = await run(massMessage({ userIds: '100003', guards }));
		expect(again.error?.message).toMatch(
			/^Refused by the guard "Duplicate Protection \(Minutes\)" on item 0: the same mass message \(\d+\) was sent 0 minutes ago, within the 60-minute window\. Nothing was sent/,
		);
		expect(sends(sim())).toHaveLength(1);
	});

	test('a dry run answers with the exact request a real run sends, and sends nothing', async () => {
		const parameters = sendPpv({ price: 25 });
		const dry = await run({ ...parameters, guards: { dryRun: true } });
		expect(dry.error).toBeUndefined();
		expect(sends(sim())).toEqual([]);
		const [answer] = dry.output();
		expect(answer.json).toMatchObject({ dryRun: true, sent: false });

		await run(parameters);
		const [real] = sends(sim());
		const request = answer.json.request as { method: string; url: string; body: unknown };
		expect(request.method).toBe(real.method);
		expect(new URL(request.url).pathname).toBe(real.path);
		expect(request.body).toEqual(real.body);
	});

	test('a dry run of a mass message reports its recipients and when it would go', async () => {
		const dry = await run(
			massMessage({ userLists: [VIP_LIST_ID], userIds: '100001', guards: { dryRun: true } }),
		);
		expect(dry.error).toBeUndefined();
		expect(sends(sim())).toEqual([]);
		expect(dry.output()[0].json).toMatchObject({
			dryRun: true,
			sendsAt: 'now',
			recipients: {
				upTo: listMembers(sim(), VIP_LIST_ID).length + 1,
				fanIds: 1,
				lists: [expect.objectContaining({ usersCount: listMembers(sim(), VIP_LIST_ID).length })],
			},
		});
	});

	test('a fan ID given as a number (as List Chats outputs it) is sent like digits', async () => {
		const result = await runNode(
			{ ...sendMessage({ fan: locator('={{ $json.fanId }}') }), authentication },
			{ credentials: credentialsOf(sim()), typeVersion: 1.2, items: [{ json: { fanId: FAN } }] },
		);
		expect(result.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(1);
		expect(sends(sim())[0].path).toContain(String(FAN));
	});

	test('Get user lists: id, name, member count and built-in flag; Search filters by name', async () => {
		const all = await run({ resource: 'userList', operation: 'getMany', returnAll: true });
		expect(all.error).toBeUndefined();
		const lists = all.output().map((item) => item.json);
		expect(lists).toContainEqual({
			id: VIP_LIST_ID,
			name: expect.any(String),
			usersCount: listMembers(sim(), VIP_LIST_ID).length,
			builtIn: false,
			type: expect.anything(),
		});
		expect(lists).toContainEqual(expect.objectContaining({ id: 'fans', builtIn: true }));
		const vipName = String(lists.find((list) => list.id === VIP_LIST_ID)!.name);

		const searched = await run({
			resource: 'userList',
			operation: 'getMany',
			limit: 5,
			filters: { query: vipName.slice(0, 3).toUpperCase() },
		});
		const names = searched.output().map((item) => String(item.json.name));
		expect(names).toContain(vipName);
		for (const name of names)
			expect(name.toLowerCase()).toContain(vipName.slice(0, 3).toLowerCase());
	});

	test('Get messages with Simplify: who wrote each message, its plain text, price and media', async () => {
		await run(sendMessage({ text: '<p>Hello <b>you</b></p>' }));
		const read = await run({
			resource: 'message',
			operation: 'getMany',
			fan: locator(String(FAN)),
			limit: 3,
			simplify: true,
		});
		expect(read.error).toBeUndefined();
		const [newest] = read.output().map((item) => item.json);
		expect(newest).toEqual({
			messageId: expect.anything(),
			fromFan: false,
			fromUserId: expect.anything(),
			text: 'Hello you',
			price: 0,
			free: true,
			mediaIds: [],
			createdAt: expect.any(String),
		});
	});
});
