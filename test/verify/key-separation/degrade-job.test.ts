import { keySeparationSuite } from './suite.js';

keySeparationSuite('degrade', 'automatic approvals, a degrade to classify-only, throttled and skipped tickets, a refused model call');
