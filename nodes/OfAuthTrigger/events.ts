import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { ANY_EVENT } from '../shared/trigger/events';

/**
 * Events OFAuth delivers to a webhook endpoint: system events (connections, Dynamic Rules)
 * and the Realtime (beta) OnlyFans events, `realtime.<category>.<action>`.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Any Event',
		value: ANY_EVENT,
		description: 'Every event, including types OFAuth adds later',
	},
	{
		name: 'Chat Message Deleted',
		value: 'realtime.chat_message.deleted',
		description:
			'A chat message was deleted (Realtime beta; OFAuth documents its payload, not its type name: Any Event also catches it)',
	},
	{
		name: 'Chat Message Liked',
		value: 'realtime.chat_message.liked',
		description: 'A fan liked a chat message (Realtime beta)',
	},
	{
		name: 'Chat Message Received',
		value: 'realtime.chat_message.received',
		description: 'A fan sent a message (Realtime beta)',
	},
	{
		name: 'Chat Message Unliked',
		value: 'realtime.chat_message.unliked',
		description: 'A fan took back a like (Realtime beta)',
	},
	{
		name: 'Chat Typing Updated',
		value: 'realtime.chat_typing.updated',
		description: 'A fan started or stopped typing (Realtime beta)',
	},
	{
		name: 'Connection Created',
		value: 'connection.created',
		description: 'An OnlyFans account was linked',
	},
	{
		name: 'Connection Disconnected',
		value: 'connection.disconnected',
		description: 'An OnlyFans account was unlinked',
	},
	{
		name: 'Connection Expired',
		value: 'connection.expired',
		description: 'An account session expired: the creator must re-link it',
	},
	{
		name: 'Connection Updated',
		value: 'connection.updated',
		description: 'Details of a linked account changed, e.g. permissions',
	},
	{
		name: 'Inbox Counts Updated',
		value: 'realtime.inbox_counts.updated',
		description: 'Unread chat or tip counters changed (Realtime beta)',
	},
	{
		name: 'Post Fundraising Updated',
		value: 'realtime.post_fundraising.updated',
		description: 'Fundraising progress on a post changed (Realtime beta)',
	},
	{
		name: 'Post Published',
		value: 'realtime.post.published',
		description: 'A post was published (Realtime beta)',
	},
	{ name: 'Rules Updated', value: 'rules.updated', description: 'OFAuth Dynamic Rules changed' },
	{
		name: 'Stories Updated',
		value: 'realtime.stories.updated',
		description: 'Stories changed (Realtime beta)',
	},
	{
		name: 'System Message Received',
		value: 'realtime.system_message.received',
		description: 'OnlyFans sent a system message (Realtime beta)',
	},
	{
		name: 'System Messages Updated',
		value: 'realtime.system_messages.updated',
		description: 'The system message inbox changed (Realtime beta)',
	},
	{
		name: 'Toasts Received',
		value: 'realtime.toasts.received',
		description: 'OnlyFans showed an in-app notification (Realtime beta)',
	},
];

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** The OnlyFans account (conn_...) an event belongs to; undefined for account-less events such as rules.updated. */
export function eventConnectionId(event: IDataObject): string | undefined {
	const data = asObject(event.data);
	const connection = asObject(data?.connection);
	const id = connection?.id ?? data?.connectionId ?? event.connectionId;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** What Simplify outputs: the payload without the envelope (`data.eventBody` for Realtime events, else `data`). */
export function simplifyEvent(event: IDataObject): IDataObject {
	const data = asObject(event.data);
	return asObject(data?.eventBody) ?? data ?? event;
}
