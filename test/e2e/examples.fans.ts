/**
 * Expectations for the fans-and-lists examples (issue 30), spread into `exampleExpectations` in
 * examples.expectations.ts: welcome new subscribers (OnlyFansAPI.com poll), win back expired fans
 * (both services, poll), sort fans into a list by spend then mass-message it, and follow up 24 h
 * later with the fans who did not buy a PPV. Each prints what its nodes output.
 */
import type { OfAuthSimulator } from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';
import type { ExampleExpectation, ExpectedRequest } from './examples.expectations';

const ACCOUNT = accountIdOf('conn_sim_active');
/** An active fan of the seed (test/simulator/seed.ts) whose subscription ends during the test. */
const EXPIRING_FAN = 100040;

const fanNamed = (sim: OfAuthSimulator, name: string) =>
	sim.state.fans.find((fan) => fan.name === name)!;

/** The pages of one chat's messages a full read takes (10 a page, newest first). */
function chatPages(sim: OfAuthSimulator, fanId: number, path: string): ExpectedRequest[] {
	const count = sim.state.chats.find((chat) => chat.withUserId === fanId)!.messages.length;
	return Array.from({ length: Math.max(1, Math.ceil(count / 10)) }, () => ({
		method: 'GET',
		path,
	}));
}

function printed(example: string, value: unknown): void {
	console.log(`[examples] ${example}: ${JSON.stringify(value)}`);
}

export const fansExampleExpectations: Record<string, ExampleExpectation> = {
	'onlyfansapi-welcome-new-subscribers': {
		start: { type: 'poll', fire: ({ sim }) => void sim.simulate.newSubscriber('Ava Quinn') },
		requests: (sim) => {
			const ava = fanNamed(sim, 'Ava Quinn');
			return [
				{
					method: 'GET',
					path: `/api/${ACCOUNT}/fans/latest`,
					query: { type: 'new', limit: '20', offset: '0' },
				},
				{ method: 'GET', path: `/api/${ACCOUNT}/chats/${ava.id}/messages` },
				{
					method: 'POST',
					path: `/api/${ACCOUNT}/chats/${ava.id}/messages`,
					body: { text: 'Hey Ava Quinn, thanks for subscribing! Anything you would love to see?' },
				},
			];
		},
		check: ({ sim, output }) => {
			const ava = fanNamed(sim, 'Ava Quinn');
			printed('onlyfansapi-welcome-new-subscribers', output('Send welcome message')[0].json);
			expect(output('New subscriber').map((item) => item.json.id)).toEqual([ava.id]);
			expect(sim.messagesSentTo(ava.id)).toBe(1);
		},
	},
	'winback-expired-fans': {
		start: { type: 'poll', fire: ({ sim }) => void sim.simulate.fanExpires(EXPIRING_FAN) },
		requests: [
			{
				method: 'GET',
				path: '/v2/access/subscribers',
				query: { type: 'expired', limit: '20', offset: '0' },
			},
			{
				method: 'PUT',
				path: `/v2/access/subscribers/${EXPIRING_FAN}/discount`,
				body: { discount: 20, period: 1 },
			},
			{ method: 'GET', path: `/v2/access/chats/${EXPIRING_FAN}/messages` },
			{
				method: 'POST',
				path: `/v2/access/chats/${EXPIRING_FAN}/messages`,
				body: {
					text: 'Miss you! Come back with 20% off, and here is something I made just for you',
					mediaItems: [5000001],
					price: 9,
				},
			},
		],
		check: ({ sim, output }) => {
			printed('winback-expired-fans', {
				discount: output('Give 20% off')[0].json,
				ppv: output('Send win-back PPV')[0].json,
			});
			expect(output('Fan expired').map((item) => item.json.id)).toEqual([EXPIRING_FAN]);
			expect(sim.state.fans.find((fan) => fan.id === EXPIRING_FAN)?.discount).toEqual({
				percent: 20,
				months: 1,
			});
			expect(sim.messagesSentTo(EXPIRING_FAN)).toBe(1);
		},
	},
	'onlyfansapi-winback-expired-fans': {
		start: { type: 'poll', fire: ({ sim }) => void sim.simulate.fanExpires(EXPIRING_FAN) },
		requests: (sim) => [
			{
				method: 'GET',
				path: `/api/${ACCOUNT}/fans/expired`,
				query: { limit: '20', offset: '0' },
			},
			{ method: 'GET', path: `/api/${ACCOUNT}/chats/${EXPIRING_FAN}/messages` },
			{
				method: 'POST',
				path: `/api/${ACCOUNT}/chats/${EXPIRING_FAN}/messages`,
				body: {
					text: `Miss you ${sim.state.fans.find((fan) => fan.id === EXPIRING_FAN)!.name}! Here is something I made just for you`,
					mediaFiles: ['5000001'],
					price: 9,
				},
			},
		],
		check: ({ sim, output }) => {
			printed('onlyfansapi-winback-expired-fans', output('Send win-back PPV')[0].json);
			expect(sim.messagesSentTo(EXPIRING_FAN)).toBe(1);
		},
	},
	'sort-fans-into-list-and-mass-message': {
		requests: (sim) => {
			const list = sim.state.userLists.find((entry) => entry.name === 'Spent over $100')!;
			return [
				{ method: 'POST', path: '/v2/access/users/lists', body: { name: 'Spent over $100' } },
				{ method: 'GET', path: `/v2/access/users/lists/${list.id}/users` },
				{ method: 'POST', path: `/v2/access/users/lists/${list.id}/users/100004` },
				{ method: 'POST', path: `/v2/access/users/lists/${list.id}/users/100006` },
				{ method: 'GET', path: '/v2/access/users/lists' },
				{ method: 'GET', path: '/v2/access/analytics/mass-messages/sent' },
				{
					method: 'POST',
					path: '/v2/access/mass-messages',
					body: { userLists: [list.id] },
				},
			];
		},
		check: ({ sim, output }) => {
			const list = sim.state.userLists.find((entry) => entry.name === 'Spent over $100')!;
			printed('sort-fans-into-list-and-mass-message', {
				added: output('Add to list').map((item) => item.json),
				massMessage: output('Mass-message the list')[0].json,
			});
			expect(list.userIds).toEqual([100004, 100006]);
			expect(output('Add to list').map((item) => item.json)).toEqual([
				{ listId: list.id, added: [100004], alreadyIn: [] },
				{ listId: list.id, added: [100006], alreadyIn: [] },
			]);
			expect(output('Mass-message the list')).toHaveLength(1);
		},
	},
	'ppv-follow-up-non-buyers': {
		before: (sim) => {
			sim.simulate.ppvSent(100031, { hoursAgo: 26 });
			sim.simulate.ppvSent(100032, { hoursAgo: 26, bought: true });
		},
		requests: (sim) => [
			{ method: 'GET', path: '/v2/access/chats/100031/messages' },
			...chatPages(sim, 100032, '/v2/access/chats/100032/messages'),
			{ method: 'GET', path: '/v2/access/chats/100031/messages' },
			{
				method: 'POST',
				path: '/v2/access/chats/100031/messages',
				body: { text: 'Did you see what I sent you yesterday? It is still waiting for you' },
			},
		],
		check: ({ sim, output }) => {
			printed('ppv-follow-up-non-buyers', {
				unbought: output('Their unbought PPV').map((item) => item.json),
				followUp: output('Send follow-up').map((item) => item.json),
			});
			expect(output('Their unbought PPV')).toHaveLength(1);
			expect(sim.messagesSentTo(100031)).toBe(1);
			expect(sim.messagesSentTo(100032)).toBe(0);
		},
	},
};
