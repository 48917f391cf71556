import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { tryToParseDateTime } from 'n8n-workflow';

import { iteratePages } from '../transport';
import type { ProviderList } from '../service/adapter';
import type { PolledItem, ScanResult, ScanWindow } from './types';

/** How many pages one poll reads at most before it stops and keeps what it found. */
export const MAX_PAGES_PER_POLL = 25;

/** A time in ms from an ISO string or unix seconds/ms; NaN when absent or unreadable. */
export function toMillis(value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value))
		return value > 1e12 ? value : value * 1000;
	if (typeof value === 'string' && value.trim() !== '') {
		if (/^\d+$/.test(value.trim())) return toMillis(Number(value));
		try {
			// n8n's own date parser; an API time without an offset is UTC
			return tryToParseDateTime(value, 'UTC').toMillis();
		} catch {
			return NaN;
		}
	}
	return NaN;
}

/** The first readable time among several candidate fields (APIs name the same moment differently). */
export function firstTime(...candidates: unknown[]): number {
	for (const candidate of candidates) {
		const time = toMillis(candidate);
		if (!Number.isNaN(time)) return time;
	}
	return NaN;
}

/** A numeric id as a number (for ordering items of the same second), undefined otherwise. */
export function sequenceOf(id: unknown): number | undefined {
	const value =
		typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : NaN;
	return Number.isSafeInteger(value) ? value : undefined;
}

export function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

export function newestOf(items: PolledItem[]): number {
	return items.reduce(
		(max, item) => (Number.isNaN(item.time) || item.time <= max ? max : item.time),
		NaN,
	);
}

export function maxTime(a: number, b: number): number {
	if (Number.isNaN(a)) return b;
	if (Number.isNaN(b)) return a;
	return Math.max(a, b);
}

/**
 * Reads a newest-first list page by page until it reaches history (an item older than
 * `window.since`), the end of the list, or the page/time limit. Without `since` only the first
 * page is read. `pageSize` asks for smaller pages (a sample needs one item).
 */
export async function scanNewestFirst(
	context: IPollFunctions,
	list: ProviderList,
	toItem: (raw: IDataObject) => PolledItem | undefined,
	window: ScanWindow,
	pageSize = list.pageSize,
): Promise<ScanResult> {
	const items: PolledItem[] = [];
	let truncated = false;
	let page = 0;
	for await (const entries of iteratePages(context, {
		method: 'GET',
		itemIndex: undefined,
		...list,
		pageSize: Math.min(pageSize, list.pageSize),
	})) {
		page++;
		const mapped = entries.map(toItem).filter((item): item is PolledItem => item !== undefined);
		items.push(...mapped);
		const since = window.since;
		if (since === undefined) break;
		// newest first: once a page holds history (or undated items), later pages are older still
		if (mapped.length === 0 || mapped.some((item) => Number.isNaN(item.time) || item.time < since))
			break;
		if (page >= MAX_PAGES_PER_POLL || Date.now() >= window.deadline) {
			truncated = true;
			break;
		}
	}
	return { items, newest: newestOf(items), truncated };
}

/** A window that reads one page and knows nothing: for a sample ("Fetch Test Event"). */
export const SAMPLE_WINDOW: ScanWindow = { isKnown: () => false, deadline: 0 };
