/**
 * Data shapes of the OFAuth simulator: what the HTTP API returns and what tests
 * can read from `sim.state`. Field names follow ../shared/api/ofauth.md (beside this repository).
 */

export type Scope =
	| 'messages:read'
	| 'messages:write'
	| 'vault:read'
	| 'vault:write'
	| 'lists:read'
	| 'lists:write'
	| 'subscribers:read'
	| 'subscribers:write'
	| 'profile:read'
	| 'analytics:read'
	| 'notifications:read';

export const ALL_SCOPES: Scope[] = [
	'messages:read',
	'messages:write',
	'vault:read',
	'vault:write',
	'lists:read',
	'lists:write',
	'subscribers:read',
	'subscribers:write',
	'profile:read',
	'analytics:read',
	'notifications:read',
];

export interface UserRef {
	id: number;
	name: string;
	username: string;
	avatar: string;
}

export interface Subscription {
	status: 'active' | 'expired';
	subscribedAt: string; // first subscription
	lastSubscribedAt: string; // latest start or renewal
	expiresAt: string;
	autoRenew: boolean;
	price: number;
	renewCount: number;
	isTrial: boolean;
}

export interface Spending {
	total: number;
	tips: number;
	messages: number;
	subscriptions: number;
}

export interface Fan extends UserRef {
	subscription: Subscription;
	spending: Spending;
	lastSeen: string;
	/** the creator's note about the fan (PUT .../note) */
	notice?: string;
	/** the creator's custom name for the fan (PUT .../custom-name) */
	displayName?: string;
	/** a subscription discount given to the fan (PUT .../discount) */
	discount?: { percent: number; months: number };
	/** online now (filter[online]) */
	isOnline?: boolean;
}

export interface MediaFiles {
	full: {
		url: string;
		width: number;
		height: number;
		size: number;
		sources: { url: string; width: number; height: number; type: string }[];
	};
	thumb: { url: string; width: number; height: number; size: number };
	preview: {
		url: string;
		width: number;
		height: number;
		size: number;
		options: { url: string; width: number; height: number; type: string }[];
	};
	squarePreview: { url: string; width: number; height: number; size: number };
}

export interface Media {
	id: number;
	type: 'photo' | 'video' | 'gif' | 'audio';
	isReady: boolean;
	canView: boolean;
	hasError: boolean;
	convertedToVideo: boolean;
	createdAt: string;
	duration?: number;
	filename: string;
	size: number;
	hasCustomPreview: boolean;
	releaseForms: unknown[];
	videoSources: { '240': string | null; '720': string | null };
	files: MediaFiles;
	listStates: { id: number; name: string; type: string; hasMedia: boolean }[];
	/** where the media came from: seeded vault item, finished upload, or imported URL */
	source: 'seed' | 'upload' | 'url';
	/** for uploads: the mediaUploadId that produced it */
	mediaUploadId?: string;
	/** GETs of /v2/access/vault/media/{id} seen so far (readiness polling) */
	polls: number;
	readyAfterPolls: number;
}

export interface Message {
	id: number;
	text: string;
	fromUser: { id: number };
	media: Media[];
	previews: number[];
	price: number;
	isFree: boolean;
	lockedText: boolean;
	mediaCount: number;
	isMediaReady: boolean;
	queueId: number | null;
	cancelSeconds: number;
	createdAt: string;
	isTip: boolean;
	tipAmount: number;
	isOpened: boolean;
	isNew: boolean;
	/** liked by the creator (POST .../like) */
	isLiked?: boolean;
	isMarkdown: boolean;
	replyToMessageId: string | null;
	isForwardedMessage: boolean;
	userTags: number[];
	releaseForms: { users: number[]; partners: number[]; guests: number[] };
}

export interface Chat {
	withUserId: number;
	/** oldest first; the API returns newest first */
	messages: Message[];
	unreadMessagesCount: number;
	isPriority: boolean;
	canSendMessage: boolean;
	isMutedNotifications: boolean;
	/** hidden from the inbox (POST /chats/{id}/hide; a new message shows it again) */
	isHidden?: boolean;
}

export interface VaultList {
	id: number;
	type: 'custom';
	name: string;
	mediaIds: number[];
	canUpdate: boolean;
	canDelete: boolean;
}

export interface UserList {
	/** numeric for custom lists, the list type string for built-in lists */
	id: number | string;
	type: string;
	name: string;
	userIds: number[];
	canUpdate: boolean;
	canDelete: boolean;
	isBuiltIn: boolean;
	/** The list answer leaves out usersCount (an API that does not report it); tests set it. */
	countHidden?: boolean;
}

export interface MassMessage {
	id: number;
	date: string;
	scheduledDate: string | null;
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
	media: Media[];
	previews: number[];
	/** resolved audience (fan ids) */
	recipientIds: number[];
	userIds: number[];
	userLists: (number | string)[];
	excludeUserLists: (number | string)[];
	subscribedAfterDate: string | null;
	viewedCount: number;
	purchasedCount: number;
	/** fan ids who bought it, with time; buyers endpoint pages through these */
	buyers: { userId: number; purchasedAt: string; amount: number }[];
	/** seeded history vs created through the API */
	source: 'seed' | 'api';
}

export interface UploadRecord {
	mediaUploadId: string;
	filename: string;
	contentType: string;
	/** declared at init */
	size: number;
	uploadType: 'single' | 'multipart';
	partSize: number;
	totalParts: number;
	status: 'initiated' | 'completed' | 'consumed' | 'expired';
	/** bytes accepted into the reassembled file so far */
	receivedBytes: number;
	/** part numbers accepted (in order of commit) */
	partsReceived: number[];
	/** sha256 (hex) of the reassembled file, set when complete (unless upload.digest is 'crc32') */
	sha256: string | null;
	/** crc32 (8 hex digits) of the reassembled file, set when complete with upload.digest 'crc32' */
	crc32?: string;
	mediaId: number | null;
	createdAt: string;
	expiresAt: string;
	/** number of PUTs (single or part) received, including re-sends and failures */
	putCount: number;
	/** only with upload.keepBytes */
	bytes?: Buffer;
}

export interface Notification {
	id: number;
	type: 'subscribed' | 'purchases' | 'tip' | 'message';
	createdAt: string;
	isRead: boolean;
	text: string;
	user: UserRef;
	amount?: number;
}

export interface ReleaseForm {
	id: number;
	name: string;
	type: 'user' | 'partner' | 'guest';
	partnerSource: string;
	status: 'approved' | 'pending';
	createdAt: string;
	user: (UserRef & { isVerified: boolean }) | null;
}

export interface Connection {
	id: string;
	status: 'active' | 'expired' | 'awaiting_2fa';
	userData: UserRef;
	permissions: string[];
	createdAt: string;
	updatedAt: string;
	expiredAt: string | null;
}

export interface SimulatorState {
	/** the OnlyFans creator account behind the connections */
	creator: UserRef;
	account: { id: string; name: string; permissions: string[] };
	connections: Connection[];
	fans: Fan[];
	chats: Chat[];
	vaultMedia: Media[];
	vaultLists: VaultList[];
	userLists: UserList[];
	massMessages: MassMessage[];
	uploads: UploadRecord[];
	notifications: Notification[];
	releaseForms: ReleaseForm[];
	/** id counters for things created at run time */
	nextIds: {
		message: number;
		media: number;
		massMessage: number;
		notification: number;
		queue: number;
		userList: number;
	};
	/** the fixed clock the seed was built around (ISO) */
	seedTime: string;
}

export interface RecordedRequest {
	method: string;
	/** decoded pathname */
	path: string;
	/** pathname exactly as sent (still percent-encoded) */
	rawPath: string;
	/** the full request target as sent (path + query) */
	url: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** parsed JSON, or undefined (binary PUTs, no body, unparsable body) */
	body: unknown;
	bodySize: number;
	/** 0 when no response was sent (dropped before) */
	status: number;
	/** false when an injected fault (drop before, failNext, rate limit) refused it before any action */
	accepted: boolean;
	/** set when the socket was destroyed by dropNext */
	dropped?: 'before' | 'after';
	/** which fault answered, if any */
	fault?: 'failNext' | 'rateLimit' | 'dropBefore' | 'dropAfter';
	receivedAt: number;
}

export interface UploadOptions {
	partSize?: number;
	singleMaxBytes?: number;
	planStyle?: 'body' | 'headers';
	readyAfterPolls?: number;
	keepBytes?: boolean;
	/**
	 * How the reassembled file is fingerprinted: 'sha256' (default; what the upload check
	 * compares) or 'crc32' (a third of the CPU: for benchmarks, where the simulator shares
	 * the machine with the client being measured).
	 */
	digest?: 'sha256' | 'crc32';
}

export interface SimulatorOptions {
	port?: number;
	apiKey?: string;
	seed?: number;
	fans?: number;
	vaultMedia?: number;
	permissions?: string[];
	upload?: UploadOptions;
	/** fixed clock for seeded timestamps (default 2025-06-01T12:00:00Z) */
	seedTime?: string | number | Date;
}

export interface ResolvedOptions {
	port: number;
	apiKey: string;
	seed: number;
	fans: number;
	vaultMedia: number;
	permissions: string[];
	upload: Required<UploadOptions>;
	seedTime: number;
}

export type RequestMatcher = (r: {
	method: string;
	path: string;
	query?: Record<string, string>;
}) => boolean;
