/** The owner account `npm start` sets up in its n8n (a local demo, never a real instance). */
export const DEMO_LOGIN = {
	email: 'demo@ofauth.test',
	password: 'OfAuth-demo-1',
	firstName: 'OFAuth',
	lastName: 'Demo',
};
