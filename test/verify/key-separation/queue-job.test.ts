import { keySeparationSuite } from './suite.js';

keySeparationSuite('queue', 'approvals answered through the queue, approved and rejected in turn, compromised model');
