import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { PageStyle } from '../transport';
import type { MassMessage } from '../model/massMessage';
import type { Message } from '../model/message';
import type { FanFilters, FanReference } from '../model/fanDetails';
import type { UserListId } from '../model/userLists';

/** One request to a provider's API: method, path (below the credential's base URL), query and body. */
export interface ProviderRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Set on sends the provider deduplicates (OnlyFansAPI.com's Idempotency-Key). */
	idempotencyKey?: string;
	/** The body's fields as the node labels them (mediaFiles -> Media), for the API's validation errors. */
	fieldLabels?: Record<string, string>;
}

/** A list to read page by page (Return All / Limit). */
export interface ProviderList {
	path: string;
	qs?: IDataObject;
	style: PageStyle;
	pageSize: number;
	/** The API's smallest page (`limit`): a smaller Limit asks for this many and keeps the first. */
	minPageSize?: number;
	itemKey?: (item: IDataObject) => string;
	expand?: (item: IDataObject) => IDataObject[];
	/** The API answers the whole list at once (no paging parameters): one request, never a second page. */
	onePage?: boolean;
	/** The query parameter that carries a `cursor` list's last ID (default `last_id`). */
	cursorParam?: string;
}

/** Filters of List Chats, as the user chose them. */
export interface ChatFilters {
	order: string;
	show: string;
	search: string;
	userListId: string;
}

/**
 * A field the provider cannot take as the user gave it (OnlyFansAPI.com has no media URLs, no
 * cents, ...). Thrown by an adapter while the item is checked, so the item stops before anything is
 * sent; the router turns it into the usual "Invalid <field> on item N" error.
 */
export class ProviderLimit extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`${field} ${problem}`);
	}
}

/** Filters of Get Vault Media, as the user chose them ('' = not set). */
export interface VaultFilters {
	mediaType: string;
	listId: string;
	search: string;
	sortBy: string;
	sortDirection: string;
}

/** An optional date range, ISO 8601 UTC ('' or undefined = open). */
export interface DateRange {
	startDate?: string;
	endDate?: string;
}

/** A provider that takes a whole file in one multipart request (no init/parts/complete). */
export interface OneRequestUpload {
	label: string;
	path: string;
	maxBytes: number;
}

/** A read of one fan: the request, and where in its answer the fan is (undefined: not found). */
export interface FanLookup {
	request: ProviderRequest;
	fanIn: (answer: IDataObject) => IDataObject | undefined;
}

/** The chat actions OnlyFansAPI.com offers (OFAuth has none). */
export type ChatAction = 'markAsRead' | 'markAsUnread' | 'showTyping' | 'hide';

/** What every provider maps. A provider file exports one of these. */
export interface ProviderAdapter {
	label: string;
	/** `resource.operation` keys this provider can run; others stop with a clear error before any request. */
	operations: Set<string>;
	sendMessage(fanId: string, message: Message): ProviderRequest;
	unsendMessage(fanId: string, messageId: string): ProviderRequest;
	listMessages(fanId: string, search: string): ProviderList;
	listChats(filters: ChatFilters): ProviderList;
	listChatMedia(fanId: string, mediaType: string): ProviderList;
	createMassMessage(massMessage: MassMessage): ProviderRequest;
	updateMassMessage(massMessageId: string, massMessage: MassMessage): ProviderRequest;
	getMassMessage(massMessageId: string): ProviderRequest;
	deleteMassMessage(massMessageId: string): ProviderRequest;
	listSentMassMessages(range: DateRange): ProviderList;
	massMessageChart(range: DateRange): ProviderRequest;
	listMassMessageBuyers(massMessageId: string): ProviderList;
	listVaultMedia(filters: VaultFilters): ProviderList;
	listVaultLists(search: string): ProviderList;
	/** The creator's user lists (built-in and own), for list names in a mass message's audience. */
	listUserLists(search?: string): ProviderList;
	/** The fans on one user list (Max Recipients counts them when the API gives no member count). */
	listUserListMembers(listId: UserListId): ProviderList;
	/** The creator's fans (subscribers), 20 a page on both services. */
	listFans(filters: FanFilters): ProviderList;
	getFan(fan: FanReference): FanLookup;
	/** The newest fans, newest first (the poll trigger's New Subscriber); with renewals, renewing fans too. */
	listNewestFans(withRenewals: boolean): ProviderList;
	/** The account's notifications of one kind, newest first (the poll trigger's New Purchase or Tip). */
	listNotifications(type: 'purchases' | 'tip'): ProviderList;
	/** The creator's note about a fan ('' clears it where the service can). */
	setFanNote(fanId: string, note: string): ProviderRequest;
	/** The creator's own name for a fan ('' clears it where the service can). */
	setFanDisplayName(fanId: string, displayName: string): ProviderRequest;
	/** A subscription discount for one fan, where the service offers it. */
	giveFanDiscount?(fanId: string, discount: { percent: number; months: number }): ProviderRequest;
	createUserList(name: string): ProviderRequest;
	renameUserList(listId: UserListId, name: string): ProviderRequest;
	deleteUserList(listId: UserListId): ProviderRequest;
	/** The requests that put these fans on a list: one per fan, or a few for many, as the API takes them. */
	addFansToUserList(listId: UserListId, fanIds: string[]): ProviderRequest[];
	removeFanFromUserList(listId: UserListId, fanId: string): ProviderRequest;
	/** A chat action (read state, typing, hide), where the service offers it. */
	chatAction?(fanId: string, action: ChatAction): ProviderRequest;
	likeMessage?(fanId: string, messageId: string): ProviderRequest;
	/** The creator's release forms (partners for Release Form Partners), where the service lists them. */
	listReleaseForms?(): ProviderList;
	/** Mass messages waiting to go out (scheduled or sending), where the service lists them. */
	listQueuedMassMessages?(): ProviderList;
	/** Set when the provider uploads in one request; else Upload Media uses start/parts/complete. */
	oneRequestUpload?: OneRequestUpload;
	checkDuplicateUpload(sha256: string, size: number): ProviderRequest;
	startUpload(file: { fileName: string; size: number; contentType: string }): ProviderRequest;
	completeUpload(mediaUploadId: string): ProviderRequest;
}
