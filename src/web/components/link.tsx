/**
 * An <a> with a real href that navigates in-app on a plain left click, so links can still be
 * opened in a new tab, copied and crawled.
 */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router.js';

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly href: string };

export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target === '_blank'
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
