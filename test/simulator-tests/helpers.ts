/** Small HTTP client for the simulator tests (global fetch, Node 20). */
import type { Fan, Media, Message, OfAuthSimulator, SimulatorState, UserRef } from '../simulator';
import { startSimulator } from '../simulator';
import type { ErrorDetail } from '../simulator/schemas';

/** A response; `body` is parsed JSON (or the raw text), typed by the caller: `c.get<Page<ChatView>>(...)`. */
export interface Res<T = unknown> {
	status: number;
	body: T;
	headers: Headers;
}

/* Shapes of what the simulator's API answers (the test reads these; the simulator builds them in routes/*). */

/** Every error answer (current OFAuth shape). */
export interface ErrorBody {
	error: string;
	type: string;
	requestId: string;
	actionRequired?: string;
	details?: ErrorDetail[];
}

/** `{list, hasMore}` pages; which cursor is set depends on the endpoint. */
export interface Page<T> {
	list: T[];
	hasMore: boolean;
	nextOffset?: number | null;
	nextLastId?: number | null;
	nextMarker?: string | null;
}

export type Whoami = SimulatorState['account'];

/** media as the API shows it (simulator bookkeeping left out) */
export type MediaView = Omit<Media, 'polls' | 'readyAfterPolls' | 'source'>;

export type MessageView = Omit<Message, 'media'> & { media: MediaView[] };

export interface ChatView {
	withUser: UserRef;
	unreadMessagesCount: number;
	hasUnreadTips: boolean;
	lastMessage: Pick<
		Message,
		'id' | 'text' | 'createdAt' | 'fromUser' | 'price' | 'isFree' | 'mediaCount' | 'isTip'
	> | null;
	canSendMessage: boolean;
	isMutedNotifications: boolean;
	isPriority: boolean;
	lastReadMessageId: number | null;
	hasPurchasedFeed: boolean;
	countPinnedMessages: number;
}

export type ChatMediaView = MediaView & { messageId: number; fromUser: { id: number } };

export interface VaultListView {
	id: number;
	type: 'custom';
	name: string;
	hasMedia: boolean;
	canUpdate: boolean;
	canDelete: boolean;
	mediasCount: number;
	photosCount: number;
	videosCount: number;
	audiosCount: number;
	gifsCount: number;
	medias: { type?: Media['type']; url?: string }[];
}

export interface UserListView {
	id: number | string;
	type: string;
	name: string;
	usersCount: number;
	postsCount: number;
	canUpdate: boolean;
	canDelete: boolean;
	canAddUsers: boolean;
}

export type SubscriberView = Fan & { subscribedOn: boolean; subscribedOnExpiredNow: boolean };

/** a mass message (queue item) */
export interface MassMessageView {
	id: number;
	date: string;
	isReady: boolean;
	isDone: boolean;
	total: number;
	pending: number;
	canUnsend: boolean;
	hasError: boolean;
	isCanceled: boolean;
	text: string;
	price: number;
	isFree: boolean;
	lockedText: boolean;
	mediaCount: number;
	media: MediaView[];
	previews: number[];
	userIds: number[];
	userLists: (number | string)[];
	excludeUserLists: (number | string)[];
	scheduledDate?: string;
	subscribedAfterDate?: string;
}

export interface SentStatsItem {
	id: number;
	date: string;
	text: string;
	isFree: boolean;
	price: number;
	mediaCount: number;
	media: MediaView[];
	sentCount: number;
	viewedCount: number;
	purchasedCount: number;
	isCanceled: boolean;
	canUnsend: boolean;
}

/** GET /v2/access/analytics/mass-messages/sent (`items`, not `list`) */
export interface SentStats {
	hasMore: boolean;
	items: SentStatsItem[];
}

export interface MassMessageChart {
	chart: { date: string; count: number }[];
	total: number;
}

export type BuyerView = UserRef & { purchasedAt: string; amount: number };

export interface UploadPart {
	partNumber: number;
	uploadUrl: string;
	byteRange: { start: number; end: number };
}

/** POST /v2/access/uploads/init with planStyle 'body' (planStyle 'headers' answers only `{mediaUploadId}`) */
export interface UploadPlan {
	mediaUploadId: string;
	uploadType: 'single' | 'multipart';
	partSize: number;
	totalParts: number;
	/** single uploads only */
	uploadUrl?: string;
	parts: UploadPart[];
	completeUrl: string;
	expiresAt: string;
}

/** single PUT and POST /uploads/complete */
export interface UploadFinished {
	mediaUploadId: string;
	media: MediaView | null;
}

export function client(
	sim: OfAuthSimulator,
	defaults: { connectionId?: string | null; apiKey?: string | null } = {},
) {
	const headersFor = (extra: Record<string, string> = {}): Record<string, string> => {
		const h: Record<string, string> = { ...extra };
		const key = defaults.apiKey === undefined ? sim.apiKey : defaults.apiKey;
		const conn = defaults.connectionId === undefined ? sim.connectionId : defaults.connectionId;
		if (key !== null) h.apiKey = key;
		if (conn !== null) h['x-connection-id'] = conn;
		return h;
	};
	const call = async <T = unknown>(
		method: string,
		path: string,
		body?: unknown,
		extra: Record<string, string> = {},
	): Promise<Res<T>> => {
		const isBinary = body instanceof Uint8Array;
		const res = await fetch(sim.baseUrl + path, {
			method,
			headers: headersFor({
				...(body !== undefined && !isBinary ? { 'content-type': 'application/json' } : {}),
				...extra,
			}),
			body: body === undefined ? undefined : isBinary ? (body as Uint8Array) : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* not JSON */
		}
		return { status: res.status, body: parsed as T, headers: res.headers };
	};
	return {
		get: <T = unknown>(path: string, extra?: Record<string, string>) =>
			call<T>('GET', path, undefined, extra),
		post: <T = unknown>(path: string, body?: unknown, extra?: Record<string, string>) =>
			call<T>('POST', path, body ?? {}, extra),
		put: <T = unknown>(path: string, body?: unknown, extra?: Record<string, string>) =>
			call<T>('PUT', path, body, extra),
		del: <T = unknown>(path: string, extra?: Record<string, string>) =>
			call<T>('DELETE', path, undefined, extra),
		call,
	};
}

/** Asserts the OFAuth error shape; afterwards `body` is typed as ErrorBody. */
export function expectErrorShape(body: unknown, type: string): asserts body is ErrorBody {
	expect(body).toEqual(
		expect.objectContaining({
			error: expect.any(String),
			type,
			requestId: expect.stringMatching(/^req_[0-9a-f]+$/),
		}),
	);
}

/** Forwards every property to whatever `current()` is now (the simulator of this test file, once started). */
function forwardTo<T extends object>(current: () => T | undefined): T {
	return new Proxy({} as T, {
		get(_target, property) {
			const target = current();
			if (!target) throw new Error('the simulator is not started yet (use it inside a test)');
			const value = Reflect.get(target, property) as unknown;
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		},
	});
}

/** One simulator (seed 1) per test file, reset before each test, and an HTTP client for it. */
export function simulatorTestbed(): { sim: OfAuthSimulator; c: ReturnType<typeof client> } {
	let sim: OfAuthSimulator | undefined;
	let c: ReturnType<typeof client> | undefined;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 1 });
		c = client(sim);
	});
	afterAll(() => sim?.close());
	beforeEach(() => sim?.reset());
	return { sim: forwardTo(() => sim), c: forwardTo(() => c) };
}
