/** Slot search: where a panel (all members) or a pool (any member) can meet. */
export { findSlots } from './find-slots.ts';
export { findPanelSlots, toFindSlotsOptions } from './find-panel-slots.ts';
export type { FindPanelSlotsOptions, InstantInput, PanelSlot, PanelSlotMember } from './find-panel-slots.ts';
export { MAX_BUFFER_MINUTES } from './slot-types.ts';
export type { EpochSpan, FindSlotsOptions, Slot, SlotMode, SlotSearchMember } from './slot-types.ts';
