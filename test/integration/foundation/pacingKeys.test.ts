import { budgetKeyOf } from '../../../nodes/shared/transport/apiRequest';
import { onlyFansApiCredentials, runNode, useSimulator } from '../../harness';
import { SECOND_CONNECTION_ID } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';
import { locator } from '../messaging/helpers';

/**
 * Every request of an account draws on that account's budget, next pages included: OnlyFansAPI.com
 * gives them as absolute URLs, which once all fell into one budget shared by every account.
 */
describe('pacing keys: one budget per account, for every page', () => {
	const base = 'https://app.onlyfansapi.com/api';
	test.each([
		['/acct_A/chats', undefined, `${base}|acct_A`],
		[`${base}/acct_A/chats?limit=20&offset=20`, undefined, `${base}|acct_A`],
		[`${base}/acct_B/chats/5/messages?limit=10&id=9`, undefined, `${base}|acct_B`],
		['/v2/access/chats', 'conn_x', 'https://api.ofauth.com|conn_x'],
	])('%s -> its account', (path, connectionId, key) => {
		const baseUrl = connectionId ? 'https://api.ofauth.com' : base;
		expect(budgetKeyOf(baseUrl, path, connectionId)).toBe(key);
	});

	const sim = useSimulator({ fans: 100, vaultMedia: 5 });
	test('two accounts paging keep separate budgets: the second is not held by the first one used up', async () => {
		// 2 requests a minute per account: account A's two pages use all of its minute
		sim().faults.perMinute({ limit: 2, retryAfter: false });
		const listChats = async (connection: string) =>
			await runNode(
				{
					authentication: 'onlyFansApi',
					resource: 'chat',
					operation: 'getMany',
					connection: locator(connection),
					returnAll: false,
					limit: 40,
				},
				{ credentials: onlyFansApiCredentials(sim()), typeVersion: 1.3 },
			);
		const first = await listChats(accountIdOf(sim().connectionId));
		expect(first.error).toBeUndefined();
		expect(first.output()).toHaveLength(40);
		const started = Date.now();
		const second = await listChats(accountIdOf(SECOND_CONNECTION_ID));
		expect(second.error).toBeUndefined();
		expect(second.output()).toHaveLength(40);
		expect(Date.now() - started).toBeLessThan(10_000);
		const pages = sim().requests.filter((request) => /\/chats$/.test(request.path));
		expect(pages.filter((request) => request.status === 429)).toEqual([]);
		expect(pages).toHaveLength(4);
	}, 30_000);
});
