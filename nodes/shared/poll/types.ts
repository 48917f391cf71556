import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

/** One thing the trigger may emit: a subscriber, a message, a notification, a media item. */
export interface PolledItem {
	/** Stable identity (what "seen before" is decided on). */
	key: string;
	/** When it happened, in ms since the epoch; NaN when the API did not say. */
	time: number;
	json: IDataObject;
	/** Orders items with the same time (OnlyFans times have whole seconds): the numeric id when there is one. */
	sequence?: number;
}

export interface ScanWindow {
	/**
	 * Items older than this (ms) are history and end the scan. Undefined: look at the first
	 * page only (the snapshot taken on the first poll).
	 */
	since?: number;
	/** Whether an item was already seen (emitted before or part of the first snapshot). */
	isKnown(key: string): boolean;
	/** Stop requesting further pages after this moment (Date.now() ms) and keep what was found. */
	deadline: number;
}

export interface ScanResult {
	/** Candidates, any order; the trigger drops known and older ones. */
	items: PolledItem[];
	/** The newest moment the scan has fully covered: the next cursor. NaN when nothing was seen. */
	newest: number;
	/** True when a page or time limit stopped the scan before it reached history. */
	truncated: boolean;
	/** Keys to remember as seen without emitting them (e.g. the creator's own last messages). */
	observed?: string[];
}

/** An event of the poll trigger: how to look for new things and how to show one sample. */
export interface PollSource {
	/** Node parameters only this event has (displayOptions are added by the node). */
	properties: INodeProperties[];
	/** A fingerprint of the options that change what counts as new (switching them starts over). */
	scope(context: IPollFunctions): string;
	scan(context: IPollFunctions, window: ScanWindow): Promise<ScanResult>;
	/** The newest item, for manual runs ("Fetch Test Event"), so fields can be mapped. */
	sample(context: IPollFunctions): Promise<PolledItem | undefined>;
}
