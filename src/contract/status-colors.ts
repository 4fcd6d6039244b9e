/**
 * @module One palette for treaty status, shared by the map, the timeline and the web legend, chosen
 * to stay distinguishable for the common forms of colour blindness.
 */
import type { StateStanding } from '../domain/treaty-events.js';

export const STATUS_COLORS: Readonly<Record<StateStanding, string>> = {
  party: '#1b7837',
  consented: '#7fbf7b',
  signed: '#f1b6da',
  'withdrawal-pending': '#f4a582',
  withdrawn: '#b2182b',
  'ratification-withdrawn': '#d6604d',
  expired: '#8c8c8c',
  'not-signed': '#d9d9d9',
};

export const STATUS_LABELS_EN: Readonly<Record<StateStanding, string>> = {
  party: 'Party',
  consented: 'Ratified, not yet in force',
  signed: 'Signed',
  'withdrawal-pending': 'Withdrawal pending',
  withdrawn: 'Withdrawn',
  'ratification-withdrawn': 'Ratification withdrawn',
  expired: 'Treaty expired',
  'not-signed': 'Not signed',
};
