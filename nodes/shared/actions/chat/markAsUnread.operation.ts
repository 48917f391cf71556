import { chatActionOperation } from './chatAction';

export const { description, execute } = chatActionOperation(
	'markAsUnread',
	'The fan whose chat to mark as unread',
);
