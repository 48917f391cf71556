import { startSimulator, type OfAuthSimulator } from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';
import { client } from './helpers';

interface OnlyFansApiBody {
	error?: string;
	errors: Record<string, string[]>;
	data: { list: Array<{ subscribedOnData: { tipsSumm: number } }> };
}

/** The fans lists page as the services document: 20 at most, filters in the bracket form only. */
describe('simulator: fan lists', () => {
	let sim: OfAuthSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 1 });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const onlyFansApi = async (pathAndQuery: string) => {
		const res = await fetch(`${sim.baseUrl}/api/${accountIdOf(sim.connectionId)}${pathAndQuery}`, {
			headers: { authorization: `Bearer ${sim.apiKey}` },
		});
		return { status: res.status, body: (await res.json()) as OnlyFansApiBody };
	};

	test('OFAuth: subscribers come 20 a page, whatever limit is asked', async () => {
		const r = await client(sim).get('/v2/access/subscribers?type=all&limit=50');
		expect(r.status).toBe(200);
		expect((r.body as { list: unknown[]; hasMore: boolean }).list).toHaveLength(20);
		expect((r.body as { hasMore: boolean }).hasMore).toBe(true);
	});

	test('OnlyFansAPI.com: more than 20 fans a page is a VALIDATION_ERROR', async () => {
		const r = await onlyFansApi('/fans/all?limit=21');
		expect(r.status).toBe(422);
		expect(r.body.error).toBe('VALIDATION_ERROR');
		expect(r.body.errors.limit[0]).toMatch(/greater than 20/);
		expect((await onlyFansApi('/fans/all?limit=20')).body.data.list).toHaveLength(20);
	});

	test('OnlyFansAPI.com: filter[tips] filters; the dot form filter.tips is ignored', async () => {
		const bracket = await onlyFansApi(
			`/fans/all?limit=20&${encodeURIComponent('filter[tips]')}=50`,
		);
		const dot = await onlyFansApi('/fans/all?limit=20&filter.tips=50');
		const everyone = await onlyFansApi('/fans/all?limit=20');
		const tips = (list: OnlyFansApiBody['data']['list']) =>
			list.map((fan) => fan.subscribedOnData.tipsSumm);
		expect(tips(bracket.body.data.list).every((value) => value >= 50)).toBe(true);
		expect(dot.body.data.list).toEqual(everyone.body.data.list);
		expect(tips(everyone.body.data.list).some((value) => value < 50)).toBe(true);
	});
});
