/** Action.Execute verbs of cutover cards; `cutover.new` is offered by the guidance and naming cards. */
export const CUTOVER_VERBS = {
  new: 'cutover.new',
  create: 'cutover.create',
  edit: 'cutover.edit',
  update: 'cutover.update',
  refresh: 'cutover.refresh',
  approve: 'cutover.approve',
  reject: 'cutover.reject',
  cancel: 'cutover.cancel',
  done: 'cutover.done',
  oldRemoved: 'cutover.oldRemoved',
} as const;
