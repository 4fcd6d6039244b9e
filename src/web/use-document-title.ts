/**
 * Sets the tab title for the page shown. Called once per page (not per component) so that the
 * page, which knows whether it found its subject, decides the title.
 */
import { useEffect } from 'react';

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title === undefined ? 'Pillars' : `${title} · Pillars`;
  }, [title]);
}
