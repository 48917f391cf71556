import type { IDataObject } from 'n8n-workflow';

import type { PolledItem } from './types';

/** Keys remembered across polls (the items at the cursor plus everything emitted recently). */
export const REMEMBERED_KEYS = 500;

/** What the trigger keeps in the node's workflow static data. */
export interface PollState {
	/** Event + connection + options the cursor belongs to; a change starts over with a new snapshot. */
	scope: string;
	/** Newest moment (ms) already covered; items before it are history. */
	cursor: number;
	/** Recently seen keys, oldest first. */
	seen: string[];
}

export function readState(staticData: IDataObject, scope: string): PollState | undefined {
	if (
		staticData.scope !== scope ||
		typeof staticData.cursor !== 'number' ||
		!Array.isArray(staticData.seen)
	) {
		return undefined;
	}
	return { scope, cursor: staticData.cursor, seen: (staticData.seen as unknown[]).map(String) };
}

export function writeState(staticData: IDataObject, state: PollState): void {
	staticData.scope = state.scope;
	staticData.cursor = state.cursor;
	staticData.seen = state.seen;
}

/** `seen` plus `keys`, each once, keeping the newest `REMEMBERED_KEYS`. */
export function remember(seen: string[], keys: string[]): string[] {
	const merged = [...seen];
	const present = new Set(seen);
	for (const key of keys) {
		if (present.has(key)) continue;
		present.add(key);
		merged.push(key);
	}
	return merged.length > REMEMBERED_KEYS ? merged.slice(merged.length - REMEMBERED_KEYS) : merged;
}

/**
 * What to emit: items not seen before and not older than the cursor, each key once,
 * oldest first (undated items last) so the workflow sees them in the order they happened.
 * Items of the same time are ordered by their ids, else oldest-found-last (lists are newest first).
 */
export function selectNew(items: PolledItem[], state: PollState): PolledItem[] {
	const seen = new Set(state.seen);
	const chosen = new Map<string, { item: PolledItem; found: number }>();
	items.forEach((item, found) => {
		if (seen.has(item.key) || chosen.has(item.key)) return;
		if (!Number.isNaN(item.time) && item.time < state.cursor) return;
		chosen.set(item.key, { item, found });
	});
	const when = (item: PolledItem) =>
		Number.isNaN(item.time) ? Number.MAX_SAFE_INTEGER : item.time;
	return [...chosen.values()]
		.sort((a, b) => {
			const byTime = when(a.item) - when(b.item);
			if (byTime !== 0) return byTime;
			const { sequence: sa } = a.item;
			const { sequence: sb } = b.item;
			if (sa !== undefined && sb !== undefined && sa !== sb) return sa - sb;
			return b.found - a.found;
		})
		.map(({ item }) => item);
}
