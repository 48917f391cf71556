import { chatActionOperation } from './chatAction';

export const { description, execute } = chatActionOperation(
	'hide',
	'The fan whose chat to hide (it comes back when you send them a message)',
);
