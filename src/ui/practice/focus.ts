/**
 * Where focus goes once a practice action has finished. An action resolves only after its save,
 * which can take seconds on a busy machine; by then the trainee may have moved on (to the clock,
 * another queue item). Focus moves to the work item's heading only when it was lost (the button
 * pressed was re-rendered away) or is still inside the work item's section.
 */
export function focusAfterAction(doc: Document, headingId = 'work-heading'): boolean {
  const work = doc.getElementById(headingId);
  if (!work) return false;
  const at = doc.activeElement;
  const lost = !at || at === doc.body || !at.isConnected;
  const section = work.closest('section');
  if (lost || (section && at && section.contains(at))) {
    work.focus();
    return true;
  }
  return false;
}
