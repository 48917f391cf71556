/** npm run test:queue: n8n in queue mode (Redis, Postgres, workers, webhook processors). Not in npm test. */
const base = require('./jest.config');

module.exports = {
	...base,
	roots: ['<rootDir>/test/queue'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 600_000,
};
