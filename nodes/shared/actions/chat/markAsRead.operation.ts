import { chatActionOperation } from './chatAction';

export const { description, execute } = chatActionOperation(
	'markAsRead',
	'The fan whose chat to mark as read',
);
