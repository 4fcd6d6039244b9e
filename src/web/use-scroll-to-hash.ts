/**
 * Scrolls to the element the URL fragment names once the page has rendered it. The browser does
 * this by itself only for content present at load, and page content here arrives from the API
 * later (and changes when, say, the language tab changes but the paragraph stays the same).
 */
import { useEffect } from 'react';

/** `readyKey` names what has been rendered (null while loading); each new one scrolls again. */
export function useScrollToHash(hash: string, readyKey: string | null): void {
  useEffect(() => {
    if (readyKey === null || hash === '') return;
    document.getElementById(hash)?.scrollIntoView({ block: 'start' });
  }, [hash, readyKey]);
}
