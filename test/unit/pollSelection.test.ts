import { remember, REMEMBERED_KEYS, selectNew } from '../../nodes/shared/poll/state';
import type { PolledItem } from '../../nodes/shared/poll/types';

const item = (key: string, time: number, sequence?: number): PolledItem => ({
	key,
	time,
	json: { key },
	sequence,
});
const keys = (items: PolledItem[]) => items.map((entry) => entry.key);

describe('selectNew: what the poll trigger emits', () => {
	const state = { scope: 's', cursor: 1000, seen: ['a'] };

	it('drops what was seen and what is older than the cursor; emits each key once, oldest first', () => {
		const found = [
			item('d', 3000),
			item('a', 2000),
			item('c', 2000, 12),
			item('old', 999),
			item('b', 2000, 11),
			item('d', 3000),
		];
		expect(keys(selectNew(found, state))).toEqual(['b', 'c', 'd']);
	});

	it('undated items come last; items of the same second without ids keep the order they happened (lists are newest first)', () => {
		expect(
			keys(selectNew([item('later', 1500), item('undated', NaN), item('earlier', 1500)], state)),
		).toEqual(['earlier', 'later', 'undated']);
	});

	it('an item exactly at the cursor is new unless seen (times have whole seconds)', () => {
		expect(keys(selectNew([item('at', 1000)], state))).toEqual(['at']);
	});
});

describe('remember: the bounded memory of seen keys', () => {
	it('adds each key once and forgets the oldest beyond the limit', () => {
		expect(remember(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
		const many = Array.from({ length: REMEMBERED_KEYS + 3 }, (_, index) => String(index));
		const kept = remember([], many);
		expect(kept).toHaveLength(REMEMBERED_KEYS);
		expect(kept[0]).toBe('3');
	});
});
