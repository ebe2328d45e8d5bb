/** What part of an evidence line the auditor clicked: the place in the bundle, an item by id, or a ticket. */
export type EvidenceTarget = 'pointer' | 'receipt' | 'record' | 'approval' | 'ticket';
