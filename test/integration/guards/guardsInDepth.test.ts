import type { INodeParameters } from 'n8n-workflow';

import {
	onlyFansApiCredentials,
	registerNodeType,
	runNode,
	simulatorCredentials,
	useSimulator,
} from '../../harness';
import { FIRST_VAULT_MEDIA_ID, VIP_LIST_ID } from '../../simulator';
import type { OfAuthSimulator } from '../../simulator';
import { OfAuth } from '../../../nodes/OfAuth/OfAuth.node';
import { OnlyFansApi } from '../../../nodes/OnlyFansApi/OnlyFansApi.node';
import { listMembers } from '../massMessage/helpers';
import { locator, mediaEntries, pairedItems } from '../messaging/helpers';

/**
 * Guards where they meet failures, the API's own record and agents: a repeat after a failed send,
 * texts the API returns as HTML, PPVs per fan, lists without a member count, mass messages waiting
 * in the queue, the defaults a tool node holds an agent to, and reads that run side by side.
 */
const FAN = 100070;
const PHOTO = String(FIRST_VAULT_MEDIA_ID);

// n8n's tool variant of this node: the same class under the name n8n gives it
registerNodeType('ofAuthTool', () => new OfAuth());
registerNodeType('onlyFansApiTool', () => new OnlyFansApi());

const providers = [
	['ofAuthApi', simulatorCredentials],
	['onlyFansApi', onlyFansApiCredentials],
] as const;

const isSend = (request: { method: string; path: string }) =>
	request.method === 'POST' && /\/messages$|\/mass-messag/.test(request.path);
const sends = (sim: OfAuthSimulator) => sim.requests.filter(isSend);

describe.each(providers)('Guards in depth with %s', (authentication, credentialsOf) => {
	const toolType = authentication === 'onlyFansApi' ? 'onlyFansApiTool' : 'ofAuthTool';
	const sim = useSimulator({ fans: 100, vaultMedia: 5 });
	const run = async (
		parameters: INodeParameters,
		options: {
			items?: number;
			typeVersion?: number;
			continueOnFail?: boolean;
			type?: string;
		} = {},
	) =>
		await runNode(
			{ ...parameters, authentication },
			{
				credentials: credentialsOf(sim()),
				typeVersion: options.typeVersion ?? 1.3,
				continueOnFail: options.continueOnFail,
				type: options.type,
				items: Array.from({ length: options.items ?? 1 }, (_, index) => ({ json: { index } })),
			},
		);
	const sendMessage = (parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'send',
		fan: locator(String(FAN)),
		text: 'Thanks for the tip!',
		requestSettings: { maxRetries: 0 },
		...parameters,
	});
	const sendPpv = (parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'sendPpv',
		fan: locator(String(FAN)),
		price: 20,
		media: mediaEntries(PHOTO),
		text: 'Something special',
		...parameters,
	});
	const massMessage = (parameters: INodeParameters): INodeParameters => ({
		resource: 'massMessage',
		operation: 'create',
		text: 'Weekend special',
		...parameters,
	});

	test('a repeat after a send the API refused (400) is sent, not skipped as a duplicate', async () => {
		sim().faults.failNext(1, 400, { match: isSend });
		const result = await run(sendMessage({ guards: { duplicateWindowMinutes: 60 } }), {
			items: 2,
			continueOnFail: true,
		});
		const [first, second] = result.output();
		expect(first.json.error).toEqual(expect.any(String));
		expect(second.json).not.toHaveProperty('skipped');
		expect(second.json).not.toHaveProperty('error');
		expect(pairedItems(result.output())).toEqual([0, 1]);
		expect(sim().messagesSentTo(FAN)).toBe(1);
	});

	test('a repeat after a send that may have gone out (no answer) leaves with an error saying why', async () => {
		sim().faults.dropNext(1, 'after', isSend);
		const result = await run(sendMessage({ guards: { duplicateWindowMinutes: 60 } }), {
			items: 2,
			continueOnFail: true,
		});
		const [, second] = result.output();
		expect(second.json).not.toHaveProperty('skipped');
		expect(second.json.error).toBe(
			`Item 1 was not sent: item 0 of this run is the same message to fan ${FAN}, and it failed without proof that it did not go out`,
		);
		expect(second.json.details).toMatchObject({
			description: expect.stringContaining('Look at the chat with this fan'),
		});
		// the first was taken before its connection dropped; the second was not sent again
		expect(sim().messagesSentTo(FAN)).toBe(1);
	});

	test('a text the API returns with &apos;, &lt; and &amp; is recognised as a repeat', async () => {
		const text = "Tom's <3 & more";
		const first = await run(sendMessage({ text }));
		expect(first.error).toBeUndefined();
		// the chat keeps it as HTML, entities and all
		const chat = sim().state.chats.find((entry) => entry.withUserId === FAN)!;
		chat.messages[chat.messages.length - 1].text = '<p>Tom&apos;s &lt;3 &amp; more</p>';
		const again = await run(sendMessage({ text, guards: { duplicateWindowMinutes: 60 } }));
		expect(again.output()[0].json).toMatchObject({ skipped: true });
		expect(sim().messagesSentTo(FAN)).toBe(1);
	});

	test('Max PPVs per Fan: a third PPV to one fan within the window is refused, and nothing is sent', async () => {
		const guards = { maxPpvsPerFan: 2, ppvWindowHours: 24 };
		for (const text of ['First teaser', 'Second teaser']) {
			const sent = await run(sendPpv({ text, guards }));
			expect(sent.error).toBeUndefined();
		}
		sim().clearRequests();
		const third = await run(sendPpv({ text: 'Third teaser', guards }));
		expect(third.error?.message).toMatch(
			new RegExp(
				`^Refused by the guard "Max PPVs per Fan" on item 0: fan ${FAN} was offered 2 PPVs within the last 24 hours \\(2 in the chat\\); the limit is 2\\. Nothing was sent`,
			),
		);
		expect(sends(sim())).toEqual([]);
		// another fan is not held to this fan's count
		const other = await run(sendPpv({ text: 'Third teaser', fan: locator('100071'), guards }));
		expect(other.error).toBeUndefined();
	});

	test('Max PPVs per Fan counts the PPVs earlier in the same run too; nothing is sent', async () => {
		const result = await run(
			sendPpv({ text: '={{ "Teaser " + $json.index }}', guards: { maxPpvsPerFan: 2 } }),
			{
				items: 3,
			},
		);
		expect(result.error?.message).toMatch(
			/^Refused by the guard "Max PPVs per Fan" on item 2: fan 100070 was offered 2 PPVs within the last 24 hours \(2 from earlier items of this run\); the limit is 2\. Nothing was sent/,
		);
		expect(sends(sim())).toEqual([]);
	});

	test('a list whose member count the API omits is counted by reading its members, and held to Max Recipients', async () => {
		const vip = sim().state.userLists.find((list) => list.id === VIP_LIST_ID)!;
		vip.countHidden = true;
		const members = listMembers(sim(), VIP_LIST_ID).length;
		const refused = await run(
			massMessage({ userLists: [VIP_LIST_ID], guards: { maxRecipients: members - 1 } }),
		);
		expect(refused.error?.message).toMatch(
			new RegExp(
				`^Refused by the guard "Max Recipients" on item 0: it could reach (more than|up to) ${members} fans, more than the ${members - 1} allowed\\. Nothing was sent`,
			),
		);
		expect(sends(sim())).toEqual([]);
		expect(sim().requests.some((request) => /lists\/\d+\/users/.test(request.path))).toBe(true);

		const sent = await run(
			massMessage({ userLists: [VIP_LIST_ID], guards: { maxRecipients: members } }),
		);
		expect(sent.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(1);
	});

	test('Duplicate Protection: one run at a time, reads run side by side within the account bound', async () => {
		sim().faults.setLatency(60);
		const fans = Array.from({ length: 12 }, (_, index) => 100001 + index);
		const result = await runNode(
			{
				...sendMessage({
					fan: locator('={{ $json.fan }}'),
					guards: { duplicateWindowMinutes: 60 },
					requestSettings: { concurrentSends: 4 },
				}),
				authentication,
			},
			{
				credentials: credentialsOf(sim()),
				typeVersion: 1.3,
				items: fans.map((fan) => ({ json: { fan } })),
			},
		);
		expect(result.error).toBeUndefined();
		const reads = sim().requests.filter(
			(request) => request.method === 'GET' && /\/messages$/.test(request.path),
		);
		expect(reads).toHaveLength(12);
		// every read before the first send; overlapping, but never more than 4 at once
		const firstSend = Math.min(...sends(sim()).map((request) => request.receivedAt));
		expect(Math.max(...reads.map((request) => request.receivedAt))).toBeLessThanOrEqual(firstSend);
		const starts = reads.map((request) => request.receivedAt).sort((a, b) => a - b);
		const atOnce = Math.max(
			...starts.map(
				(start) => starts.filter((other) => other >= start && other < start + 50).length,
			),
		);
		expect(atOnce).toBeGreaterThan(1);
		expect(atOnce).toBeLessThanOrEqual(4);
		expect(sends(sim())).toHaveLength(12);
	});

	test('a tool node of version 1.3 with no Guards added refuses a 200 USD PPV and a 600-fan mass message', async () => {
		const ppv = await run(sendPpv({ price: 200 }), { type: toolType });
		expect(ppv.error?.message).toMatch(
			/^Refused by the guard "Max Price \(USD\)" on item 0: the price 200 USD is above the ceiling of 50 USD\. Nothing was sent/,
		);
		const fanIds = Array.from({ length: 600 }, (_, index) => String(200001 + index)).join(',');
		const mass = await run(massMessage({ userIds: fanIds }), { type: toolType });
		expect(mass.error?.message).toMatch(
			/^Refused by the guard "Max Recipients" on item 0: it could reach up to 600 fans, more than the 500 allowed\. Nothing was sent/,
		);
		expect(sends(sim())).toEqual([]);

		// the operator turns a default off by setting it to 0; an older tool node and a plain node keep no defaults
		const allowed = await run(sendPpv({ price: 200, guards: { maxPrice: 0 } }), {
			type: toolType,
		});
		expect(allowed.error).toBeUndefined();
		const older = await run(sendPpv({ price: 200, text: 'Older' }), {
			type: toolType,
			typeVersion: 1.2,
		});
		expect(older.error).toBeUndefined();
		const plain = await run(sendPpv({ price: 200, text: 'Plain' }));
		expect(plain.error).toBeUndefined();
		expect(sends(sim())).toHaveLength(3);
	});

	test('a tool node of version 1.3 skips a repeat within 60 minutes unless the operator turned it off', async () => {
		const first = await run(sendMessage(), { type: toolType });
		expect(first.output()[0].json).not.toHaveProperty('skipped');
		const again = await run(sendMessage(), { type: toolType });
		expect(again.output()[0].json).toMatchObject({ skipped: true });
		const off = await run(sendMessage({ guards: { duplicateWindowMinutes: 0 } }), {
			type: toolType,
		});
		expect(off.output()[0].json).not.toHaveProperty('skipped');
		expect(sim().messagesSentTo(FAN)).toBe(2);
	});
});

describe('Duplicate Protection against the mass-message queue (OnlyFansAPI.com lists it)', () => {
	const sim = useSimulator({ fans: 100, vaultMedia: 5 });
	test('the same scheduled mass message asked in two executions is stored once', async () => {
		const scheduled = new Date(Date.now() + 3 * 86_400_000).toISOString();
		const parameters: INodeParameters = {
			authentication: 'onlyFansApi',
			resource: 'massMessage',
			operation: 'create',
			text: 'Christmas drop',
			userIds: '100001, 100002',
			sendAt: 'scheduled',
			scheduledDate: scheduled,
			guards: { duplicateWindowMinutes: 60 },
		};
		const options = { credentials: onlyFansApiCredentials(sim()), typeVersion: 1.3 };
		const first = await runNode(parameters, options);
		expect(first.error).toBeUndefined();
		const second = await runNode(parameters, options);
		expect(second.error?.message).toMatch(
			/^Refused by the guard "Duplicate Protection \(Minutes\)" on item 0: the same mass message \(\d+\) is already waiting to be sent \(scheduled for .+\), within the 60-minute window\. Nothing was sent/,
		);
		expect(
			sim().state.massMessages.filter((entry) => entry.text === 'Christmas drop'),
		).toHaveLength(1);
	});
});
